"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { errorTextClass } from "@/components/ui/surface";

const field = "w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-900";

/** Email and password (and the OIDC button when configured); stays on this host after sign-in. */
export function SignInForm({ callbackPath, oidcName }: { callbackPath: string; oidcName: string | null }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    // redirect: false keeps the browser on the host it used (PUBLIC_URL may name another one).
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    setPending(false);
    if (!result || result.error) {
      setError("Wrong email or password.");
      return;
    }
    router.replace(callbackPath);
    router.refresh();
  };
  return (
    <div className="space-y-4">
      <form onSubmit={submit} className="space-y-3" aria-label="Account sign-in">
        <label className="block text-sm">
          Email
          <input name="email" type="email" autoComplete="username" required className={field} />
        </label>
        <label className="block text-sm">
          Password
          <input name="password" type="password" autoComplete="current-password" required className={field} />
        </label>
        {error ? (
          <p role="alert" className={`text-sm ${errorTextClass}`}>
            {error}
          </p>
        ) : null}
        <button
          type="submit"
          disabled={pending}
          className="w-full rounded-md bg-tide-600 px-3 py-2 text-sm font-medium text-white hover:bg-tide-700 disabled:opacity-50"
        >
          {pending ? "Signing in…" : "Sign in"}
        </button>
      </form>
      {oidcName ? (
        <button
          type="button"
          onClick={() => void signIn("oidc", { callbackUrl: callbackPath })}
          className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
        >
          Sign in with {oidcName}
        </button>
      ) : null}
    </div>
  );
}
