import "server-only";
import { randomBytes } from "node:crypto";
import { getPrisma } from "../db";
import { notFound } from "../errors";
import { hashToken } from "./credentials";

/** `tl_` + 32 random bytes: recognisable in logs and secret scanners, 256 bits of entropy. */
export const newTokenValue = () => `tl_${randomBytes(32).toString("base64url")}`;

export type TokenScope = "read" | "write";
export type TokenSummary = {
  id: string;
  name: string;
  prefix: string;
  scope: TokenScope;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

/** Creates a token; its value is returned this once and never stored. */
export async function createToken(userId: string, name: string, scope: TokenScope): Promise<{ value: string; token: TokenSummary }> {
  const value = newTokenValue();
  const token = await getPrisma().apiToken.create({
    data: { userId, name, scope, tokenHash: hashToken(value), prefix: value.slice(0, 10) },
    select: { id: true, name: true, prefix: true, scope: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
  return { value, token };
}

export function listTokens(userId: string): Promise<TokenSummary[]> {
  return getPrisma().apiToken.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, scope: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}

/** Revokes one of the user's own tokens (admins: anyone's). */
export async function revokeToken(id: string, userId: string, isAdmin: boolean): Promise<void> {
  const { count } = await getPrisma().apiToken.updateMany({
    where: { id, revokedAt: null, ...(isAdmin ? {} : { userId }) },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw notFound(`Active token ${id}`);
}

/** Records a token's last use; informative only, so a lost update under concurrency is harmless. */
export function touchToken(id: string): void {
  void getPrisma()
    .apiToken.update({ where: { id }, data: { lastUsedAt: new Date() } })
    .catch(() => undefined);
}
