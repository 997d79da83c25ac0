// Users and API tokens for integration tests, made through the same functions the app uses.
import { randomUUID } from "node:crypto";
import { createToken, type TokenScope } from "@/lib/auth/tokens";
import { createUser } from "@/lib/auth/users";
import type { Role } from "@/lib/auth/permissions";

export async function userWithToken(
  role: Role,
  teams: string[] = [],
  scope: TokenScope = "write",
  email = `${role}-${randomUUID().slice(0, 8)}@example.com`,
) {
  const user = await createUser({ email, name: email, role, teams, password: "test-password-123" });
  const { value, token } = await createToken(user.id, "test", scope);
  return { user, token: value, tokenId: token.id, headers: { authorization: `Bearer ${value}` } };
}
