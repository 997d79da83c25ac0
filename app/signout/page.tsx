import { buttonClass } from "@/components/ui/button-link";
import type { Metadata } from "next";
import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { PageHeader } from "@/components/ui/page-header";
import { pageActor } from "@/lib/auth/page-actor";

export const metadata: Metadata = { title: "Sign out" };
export const dynamic = "force-dynamic";

export default async function SignOutPage() {
  const actor = await pageActor();
  return (
    <div className="mx-auto max-w-sm">
      <PageHeader
        title="Sign out"
        description={
          actor.kind === "user"
            ? `Signed in as ${actor.email}. Reading stays open; editing needs you to sign in again.`
            : "You are not signed in."
        }
      />
      <div className="rounded-lg border border-slate-200 bg-white p-6 dark:border-slate-800 dark:bg-slate-900">
        {actor.kind === "user" ? (
          <SignOutButton then="/" className={`${buttonClass("primary")} w-full justify-center`} />
        ) : (
          <Link href="/signin" className="text-tide-700 underline dark:text-tide-400">
            Sign in
          </Link>
        )}
      </div>
    </div>
  );
}
