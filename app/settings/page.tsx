import type { Metadata } from "next";
import Link from "next/link";
import { NotAllowed } from "@/components/auth/not-allowed";
import { PasswordForm } from "@/components/auth/password-form";
import { TokenManager } from "@/components/auth/token-manager";
import { PageHeader } from "@/components/ui/page-header";
import { pageActor } from "@/lib/auth/page-actor";
import { listTokens } from "@/lib/auth/tokens";
import { changePasswordAction, createTokenAction, revokeTokenAction } from "./actions";
import { cardClass } from "@/components/ui/surface";

export const metadata: Metadata = { title: "Settings" };
export const dynamic = "force-dynamic";

export default async function SettingsPage() {
  const actor = await pageActor();
  if (actor.kind !== "user") return <NotAllowed actor={actor} what="manage API tokens" returnTo="/settings" />;
  const tokens = await listTokens(actor.id);
  return (
    <>
      <PageHeader
        title="Settings"
        description={`${actor.email} · ${actor.role}${actor.teams.length ? ` · team ${actor.teams.join(", ")}` : ""}`}
      />
      {actor.role === "admin" ? (
        <p className="mb-4 text-sm">
          <Link className="text-tide-700 underline dark:text-tide-400" href="/settings/users">
            Manage users and teams
          </Link>
        </p>
      ) : null}
      <section aria-labelledby="tokens-heading" className={cardClass()}>
        <h2 id="tokens-heading" className="mb-1 text-base font-semibold">
          API tokens
        </h2>
        <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
          For CI and the CLI. A token acts as you, limited to its scope: read, or write (what your role allows). Tokens are stored hashed.
        </p>
        <TokenManager tokens={tokens} canWrite={actor.role !== "viewer"} create={createTokenAction} revoke={revokeTokenAction} />
      </section>
      <section aria-labelledby="password-heading" className={`mt-6 ${cardClass()}`}>
        <h2 id="password-heading" className="mb-3 text-base font-semibold">
          Password
        </h2>
        <PasswordForm change={changePasswordAction} />
      </section>
    </>
  );
}
