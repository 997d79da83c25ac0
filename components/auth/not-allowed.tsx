import Link from "next/link";
import type { Actor } from "@/lib/auth/permissions";
import { EmptyState } from "@/components/ui/empty-state";

/** What a page shows instead of a form the actor may not use, and what to do about it. */
export function NotAllowed({ actor, what, returnTo, detail }: { actor: Actor; what: string; returnTo: string; detail?: string }) {
  return (
    <EmptyState
      title={actor.kind === "user" ? `You cannot ${what}` : `Sign in to ${what}`}
      action={
        actor.kind === "user" ? (
          <Link className="text-tide-700 underline dark:text-tide-400" href="/groups">
            Back to the feature groups
          </Link>
        ) : (
          <Link className="text-tide-700 underline dark:text-tide-400" href={`/signin?callbackUrl=${encodeURIComponent(returnTo)}`}>
            Sign in
          </Link>
        )
      }
    >
      <span role="alert">
        {detail ??
          (actor.kind === "user"
            ? `${actor.email} is ${actor.role === "viewer" ? "a viewer" : `an ${actor.role}`} and does not own this. Editors change the groups they or their team own; admins change everything.`
            : "Everyone can read the registry; changing it needs an account with the editor role.")}
      </span>
    </EmptyState>
  );
}
