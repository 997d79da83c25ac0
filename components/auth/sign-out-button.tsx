"use client";

import { signOut } from "next-auth/react";
import { useRouter } from "next/navigation";

/** Ends the session, then shows `then` (the current page by default) as an anonymous visitor. */
export function SignOutButton({ then, className }: { then?: string; className?: string }) {
  const router = useRouter();
  return (
    <button
      type="button"
      className={className ?? "text-sm text-slate-600 underline-offset-2 hover:underline dark:text-slate-300"}
      onClick={async () => {
        await signOut({ redirect: false });
        if (then) router.replace(then);
        router.refresh();
      }}
    >
      Sign out
    </button>
  );
}
