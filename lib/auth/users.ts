import "server-only";
import { getPrisma } from "../db";
import { AppError } from "../errors";
import { hashPassword, verifyPassword } from "./password";
import type { Role } from "./permissions";

export type UserSummary = { id: string; email: string; name: string; role: Role; teams: string[]; active: boolean; createdAt: Date };
const SUMMARY = { id: true, email: true, name: true, role: true, teams: true, active: true, createdAt: true } as const;

export const listUsers = (): Promise<UserSummary[]> => getPrisma().user.findMany({ select: SUMMARY, orderBy: { email: "asc" } });

export async function createUser(input: {
  email: string;
  name: string;
  role: Role;
  teams: string[];
  password: string;
}): Promise<UserSummary> {
  if (await getPrisma().user.findUnique({ where: { email: input.email } }))
    throw new AppError(409, `${input.email} already has an account`, [{ path: "email", message: "already taken" }]);
  return getPrisma().user.create({
    data: { email: input.email, name: input.name, role: input.role, teams: input.teams, passwordHash: await hashPassword(input.password) },
    select: SUMMARY,
  });
}

/**
 * A user changes their own password, proving the current one. Every existing session ends (the
 * session version moves on); returns the new version, for the caller's own fresh session.
 */
export async function changePassword(id: string, current: string, next: string): Promise<number> {
  const user = await getPrisma().user.findUnique({ where: { id } });
  if (!user?.passwordHash) throw new AppError(409, "this account signs in through single sign-on and has no password here");
  if (!(await verifyPassword(current, user.passwordHash)))
    throw new AppError(422, "the current password is wrong", [{ path: "current", message: "wrong password" }]);
  const updated = await getPrisma().user.update({
    where: { id },
    data: { passwordHash: await hashPassword(next), sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });
  return updated.sessionVersion;
}

/**
 * Role, teams and whether the user may sign in; an admin cannot take away the last admin (nobody
 * could manage users afterwards). Deactivating ends the user's sessions and stops their tokens at once.
 */
export async function updateUser(id: string, change: { role: Role; teams: string[]; active?: boolean }): Promise<UserSummary> {
  return getPrisma().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id } });
    if (!user) throw new AppError(404, "user not found");
    const staysAdmin = change.role === "admin" && change.active !== false;
    if (user.role === "admin" && !staysAdmin && (await tx.user.count({ where: { role: "admin", active: true } })) <= 1) {
      throw new AppError(409, "this is the last admin; make someone else admin first", [{ path: "role", message: "last admin" }]);
    }
    const deactivating = user.active && change.active === false;
    return tx.user.update({
      where: { id },
      data: { ...change, ...(deactivating ? { sessionVersion: { increment: 1 } } : {}) },
      select: SUMMARY,
    });
  });
}
