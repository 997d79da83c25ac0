import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { pageActor } from "@/lib/auth/page-actor";

/** Who is signed in (with their role), or a sign-in link. */
export async function UserMenu() {
  const actor = await pageActor();
  if (actor.kind !== "user") {
    return (
      <Link
        href="/signin"
        className="rounded-md px-2 py-1 text-sm font-medium text-tide-700 hover:bg-tide-50 dark:text-tide-400 dark:hover:bg-slate-800"
      >
        Sign in
      </Link>
    );
  }
  return (
    <div className="flex items-center gap-3 text-sm">
      <Link
        href="/settings"
        className="hidden max-w-48 truncate hover:underline sm:inline"
        title={`${actor.email} (${actor.role})`}
        data-testid="signed-in-as"
      >
        {actor.email} <span className="text-xs text-slate-500">· {actor.role}</span>
      </Link>
      <SignOutButton />
    </div>
  );
}
