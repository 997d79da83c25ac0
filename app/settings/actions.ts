"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction } from "@/lib/action-result";
import { currentActor } from "@/lib/auth/actor";
import { requireAdmin } from "@/lib/auth/permissions";
import { renewSession } from "@/lib/auth/session-cookie";
import { createToken, revokeToken } from "@/lib/auth/tokens";
import { changePassword, createUser, updateUser } from "@/lib/auth/users";
import { AppError } from "@/lib/errors";
import { PasswordChangeSchema, TokenRequestSchema, UserCreateSchema, UserUpdateSchema } from "@/lib/schemas/auth";

/** Account settings change from a browser session only: a token cannot mint tokens or change passwords. */
async function sessionUser() {
  const actor = await currentActor();
  if (actor.kind !== "user") throw new AppError(401, "sign in to change your account settings");
  if (actor.via !== "session") throw new AppError(403, "account settings change from a signed-in browser session");
  return actor;
}

export async function createTokenAction(input: unknown) {
  return runAction(async () => {
    const user = await sessionUser();
    const request = TokenRequestSchema.parse(input);
    if (request.scope === "write" && user.role === "viewer")
      throw new AppError(403, "a viewer's token can only read", [{ path: "scope", message: "viewers get read tokens" }]);
    const created = await createToken(user.id, request.name, request.scope);
    revalidatePath("/settings");
    return created;
  });
}

export async function revokeTokenAction(rawId: string) {
  return runAction(async () => {
    const user = await sessionUser();
    const id = z.uuid().parse(rawId);
    await revokeToken(id, user.id, user.role === "admin");
    revalidatePath("/settings");
    return null;
  });
}

export async function changePasswordAction(input: unknown) {
  return runAction(async () => {
    const user = await sessionUser();
    const { current, next } = PasswordChangeSchema.parse(input);
    const version = await changePassword(user.id, current, next);
    // Every other session has ended; this browser gets a session at the new version.
    await renewSession(user.id, version);
    return null;
  });
}

export async function createUserAction(input: unknown) {
  return runAction(async () => {
    requireAdmin(await currentActor());
    const user = await createUser(UserCreateSchema.parse(input));
    revalidatePath("/settings/users");
    return user;
  });
}

export async function updateUserAction(input: unknown) {
  return runAction(async () => {
    requireAdmin(await currentActor());
    const { id, ...change } = UserUpdateSchema.parse(input);
    const user = await updateUser(id, change);
    revalidatePath("/settings/users");
    return user;
  });
}
