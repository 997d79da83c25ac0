import { safeCallbackPath } from "@/lib/auth/redirect";
import { env } from "@/lib/env";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { PageHeader } from "@/components/ui/page-header";
import { pageActor } from "@/lib/auth/page-actor";
import { oidcEnabled, oidcName } from "@/lib/auth/options";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

/** Only paths on this site are followed after sign-in (no open redirect). */

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const callbackPath = safeCallbackPath((await searchParams).callbackUrl, env.PUBLIC_URL);
  const actor = await pageActor();
  if (actor.kind === "user") redirect(callbackPath);
  return (
    <div className="mx-auto max-w-sm">
      <PageHeader
        title="Sign in"
        description="Sign in to register and edit the feature groups you or your team own. Reading needs no account unless your admin says so."
      />
      <div className="rounded-lg border border-slate-200 bg-white p-6 dark:border-slate-800 dark:bg-slate-900">
        <SignInForm callbackPath={callbackPath} oidcName={oidcEnabled() ? oidcName() : null} />
      </div>
    </div>
  );
}
