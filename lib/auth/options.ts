import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { getPrisma } from "../db";
import { env } from "../env";
import { UNKNOWN_USER_HASH, verifyPassword } from "./password";
import { clearSignInFailures, recordSignInFailure, signInAllowed } from "./sign-in-throttle";
import { clientAddress } from "../redis/rate-limit";
import { oidcLinkDecision } from "./permissions";
import { safeCallbackPath } from "./redirect";

// next-auth v4 reads its base URL from NEXTAUTH_URL; Tideline has one setting for its address.
process.env.NEXTAUTH_URL ??= env.PUBLIC_URL;

const CredentialsSchema = z.object({ email: z.email().max(200), password: z.string().min(1).max(200) });

/** A generic OpenID Connect issuer (GitHub Enterprise, Okta, Keycloak, Google…), on when its three variables are set. */
function oidcProvider(): NextAuthOptions["providers"] {
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET) return [];
  return [
    {
      id: "oidc",
      name: env.OIDC_NAME,
      type: "oauth",
      wellKnown: `${env.OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
      clientId: env.OIDC_CLIENT_ID,
      clientSecret: env.OIDC_CLIENT_SECRET,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state"],
      profile: (profile: { sub: string; email?: string; name?: string }) => ({
        id: profile.sub,
        email: profile.email ?? null,
        name: profile.name ?? profile.email ?? profile.sub,
      }),
    },
  ];
}

export const oidcEnabled = () => oidcProvider().length > 0;

export const oidcName = () => env.OIDC_NAME;

export const authOptions: NextAuthOptions = {
  secret: env.AUTH_SECRET,
  session: { strategy: "jwt", maxAge: 8 * 3600 },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const parsed = CredentialsSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const email = parsed.data.email.toLowerCase();
        const address = clientAddress((request?.headers ?? {}) as Record<string, string>);
        // Too many failures for this account or from this address: refused before any password is checked.
        if (!(await signInAllowed(email, address))) return null;
        const user = await getPrisma().user.findUnique({ where: { email } });
        // An unknown email costs a bcrypt comparison too, so timing does not tell which emails exist.
        const valid = await verifyPassword(parsed.data.password, user?.passwordHash ?? UNKNOWN_USER_HASH);
        if (!user?.passwordHash || !valid || !user.active) {
          await recordSignInFailure(email, address);
          return null;
        }
        await clearSignInFailures(email);
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
    ...oidcProvider(),
  ],
  callbacks: {
    /** After sign-in (and sign-out) only same-site paths: never an open redirect. */
    redirect({ url, baseUrl }) {
      const path = url.startsWith(baseUrl) ? url.slice(baseUrl.length) || "/" : url;
      return `${baseUrl}${safeCallbackPath(path, baseUrl)}`;
    },
    /**
     * An OIDC sign-in becomes a Tideline user (a viewer until an admin says otherwise). It takes over
     * an existing user's account only when the provider vouches for the email address.
     */
    async signIn({ user, account, profile }) {
      if (account?.provider !== "oidc") return true;
      if (!user.email) return "/signin?error=NoEmail";
      const email = user.email.toLowerCase();
      const existing = await getPrisma().user.findUnique({ where: { email }, select: { id: true } });
      const decision = oidcLinkDecision(existing !== null, (profile as { email_verified?: unknown } | undefined)?.email_verified);
      if (decision !== "allow") return `/signin?error=${decision}`;
      if (!existing) await getPrisma().user.create({ data: { email, name: user.name ?? user.email } });
      return true;
    },
    async jwt({ token, user, account }) {
      if (user && account) {
        const stored = await getPrisma().user.findUnique({
          where: { email: (user.email ?? "").toLowerCase() },
          select: { id: true, sessionVersion: true },
        });
        token.uid = stored?.id;
        // The session is valid while the user stays at this version (lib/auth/credentials.ts).
        token.sv = stored?.sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user) (session.user as { id?: unknown }).id = token.uid;
      return session;
    },
  },
};
