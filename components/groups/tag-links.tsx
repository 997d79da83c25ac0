import Link from "next/link";

/** A group's tags, each a link to the group list filtered by it; nothing when there are none. */
export function TagLinks({ tags, className, pill = false }: { tags: string[]; className: string; pill?: boolean }) {
  if (tags.length === 0) return null;
  return (
    <p className={className}>
      {tags.map((tag) => (
        <Link
          key={tag}
          href={`/groups?tag=${encodeURIComponent(tag)}`}
          className={`mr-2 hover:underline ${pill ? "rounded bg-slate-100 px-1.5 py-0.5 dark:bg-slate-800" : ""}`}
        >
          #{tag}
        </Link>
      ))}
    </p>
  );
}
