import "server-only";
import { decode, encode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { env } from "../env";
import { SESSION_COOKIES } from "./actor";

/** Re-issues the current browser's session cookie at `version`, keeping its other claims and its expiry. */
export async function renewSession(userId: string, version: number): Promise<void> {
  const store = await cookies();
  const name = SESSION_COOKIES.find((candidate) => store.get(candidate));
  const current = name ? await decode({ token: store.get(name)?.value, secret: env.AUTH_SECRET }).catch(() => null) : null;
  if (!name || current?.uid !== userId) return;
  const maxAge = typeof current.exp === "number" ? Math.max(0, current.exp - Math.floor(Date.now() / 1000)) : 8 * 3600;
  // encode() sets iat, exp and jti afresh.
  const claims = Object.fromEntries(Object.entries(current).filter(([claim]) => !["exp", "iat", "jti"].includes(claim)));
  store.set(name, await encode({ token: { ...claims, sv: version }, secret: env.AUTH_SECRET, maxAge }), {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: name.startsWith("__Secure-"),
    maxAge,
  });
}
