import Link from "next/link";

export type ImportMessageState = { tone: "error" | "ok"; text: string } | null;

/** An import's outcome: an alert for a refusal, a status with the way to the groups for success. */
export function ImportMessage({ message }: { message: ImportMessageState }) {
  if (!message) return null;
  return (
    <p
      role={message.tone === "error" ? "alert" : "status"}
      className={`text-sm ${message.tone === "error" ? "text-red-700 dark:text-red-400" : "text-emerald-700 dark:text-emerald-400"}`}
    >
      {message.text}{" "}
      {message.tone === "ok" ? (
        <Link href="/groups" className="underline">
          Open the feature groups
        </Link>
      ) : null}
    </p>
  );
}
