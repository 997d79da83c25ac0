import "server-only";
import { getPrisma } from "../db";
import { AppError } from "../errors";
import { hashPassword, verifyPassword } from "./password";
import type { Role } from "./permissions";

export type UserSummary = { id: string; email: string; name: string; role: Role; teams: string[]; createdAt: Date };
const SUMMARY = { id: true, email: true, name: true, role: true, teams: true, createdAt: true } as const;

export const listUsers = (): Promise<UserSummary[]> => getPrisma().user.findMany({ select: SUMMARY, orderBy: { email: "asc" } });

export async function createUser(input: { email: string; name: string; role: Role; teams: string[]; password: string }): Promise<UserSummary> {
  if (await getPrisma().user.findUnique({ where: { email: input.email } })) throw new AppError(409, `${input.email} already has an account`, [{ path: "email", message: "already taken" }]);
  return getPrisma().user.create({ data: { email: input.email, name: input.name, role: input.role, teams: input.teams, passwordHash: await hashPassword(input.password) }, select: SUMMARY });
}

/** A user changes their own password, proving the current one. */
export async function changePassword(id: string, current: string, next: string): Promise<void> {
  const user = await getPrisma().user.findUnique({ where: { id } });
  if (!user?.passwordHash) throw new AppError(409, "this account signs in through single sign-on and has no password here");
  if (!(await verifyPassword(current, user.passwordHash))) throw new AppError(422, "the current password is wrong", [{ path: "current", message: "wrong password" }]);
  await getPrisma().user.update({ where: { id }, data: { passwordHash: await hashPassword(next) } });
}

/** Role and teams; an admin cannot take away the last admin (nobody could manage users afterwards). */
export async function updateUser(id: string, change: { role: Role; teams: string[] }): Promise<UserSummary> {
  return getPrisma().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id } });
    if (!user) throw new AppError(404, "user not found");
    if (user.role === "admin" && change.role !== "admin" && (await tx.user.count({ where: { role: "admin" } })) <= 1) {
      throw new AppError(409, "this is the last admin; make someone else admin first", [{ path: "role", message: "last admin" }]);
    }
    return tx.user.update({ where: { id }, data: change, select: SUMMARY });
  });
}
