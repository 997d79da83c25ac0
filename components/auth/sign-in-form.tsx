"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Field, inputClass } from "@/components/form/field";
import { buttonClass } from "@/components/ui/button-link";
import { errorTextClass } from "@/components/ui/surface";

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
        <Field label="Email">
          <input name="email" type="email" autoComplete="username" required className={inputClass()} />
        </Field>
        <Field label="Password">
          <input name="password" type="password" autoComplete="current-password" required className={inputClass()} />
        </Field>
        {error ? (
          <p role="alert" className={`text-sm ${errorTextClass}`}>
            {error}
          </p>
        ) : null}
        <button type="submit" disabled={pending} className={`${buttonClass("primary")} w-full justify-center`}>
          {pending ? "Signing in…" : "Sign in"}
        </button>
      </form>
      {oidcName ? (
        <button
          type="button"
          onClick={() => void signIn("oidc", { callbackUrl: callbackPath })}
          className={`${buttonClass()} w-full justify-center`}
        >
          Sign in with {oidcName}
        </button>
      ) : null}
    </div>
  );
}
