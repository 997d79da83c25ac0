import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { authorizeGroupWrite, canCreateGroups, canEditGroup, oidcLinkDecision, type Actor } from "./permissions";

const user = (role: "viewer" | "editor" | "admin", teams: string[] = [], scope: "read" | "write" = "write"): Actor => ({
  kind: "user",
  id: "u",
  email: "Dana@Example.com",
  name: "Dana",
  role,
  teams,
  via: "token",
  scope,
});
const status = (run: () => void) => {
  try {
    run();
    return 200;
  } catch (error) {
    return error instanceof AppError ? error.status : 500;
  }
};
const mlGroup = { owner: "someone@example.com", team: "ml" };

describe("authorizeGroupWrite", () => {
  it("refuses anonymous (401), viewers and read tokens (403)", () => {
    expect(status(() => authorizeGroupWrite({ kind: "anonymous" }, "g", mlGroup, mlGroup))).toBe(401);
    expect(status(() => authorizeGroupWrite(user("viewer", ["ml"]), "g", mlGroup, mlGroup))).toBe(403);
    expect(status(() => authorizeGroupWrite(user("admin", [], "read"), "g", mlGroup, mlGroup))).toBe(403);
  });

  it("lets an editor change what they or their team own, and nothing else", () => {
    expect(status(() => authorizeGroupWrite(user("editor", ["ml"]), "g", mlGroup, mlGroup))).toBe(200);
    expect(status(() => authorizeGroupWrite(user("editor"), "g", { owner: "dana@example.com" }, { owner: "dana@example.com" }))).toBe(200);
    expect(status(() => authorizeGroupWrite(user("editor", ["recsys"]), "g", mlGroup, mlGroup))).toBe(403);
    // Neither hand a group away nor create one for another team.
    expect(status(() => authorizeGroupWrite(user("editor", ["ml"]), "g", mlGroup, { owner: "x@example.com", team: "recsys" }))).toBe(403);
    expect(status(() => authorizeGroupWrite(user("editor", ["ml"]), "g", null, { owner: "x@example.com", team: "recsys" }))).toBe(403);
    expect(status(() => authorizeGroupWrite(user("editor", ["ml"]), "g", mlGroup, null))).toBe(200);
  });

  it("lets an admin do everything", () => {
    expect(status(() => authorizeGroupWrite(user("admin"), "g", mlGroup, { owner: "x@example.com", team: "recsys" }))).toBe(200);
    expect(canEditGroup(user("admin"), mlGroup) && canCreateGroups(user("admin"))).toBe(true);
    expect(canEditGroup(user("editor", ["recsys"]), mlGroup)).toBe(false);
    expect(canCreateGroups(user("viewer"))).toBe(false);
  });
});

describe("OIDC account linking", () => {
  it("takes over an existing account only with a verified email", () => {
    expect(oidcLinkDecision(false, undefined)).toBe("allow");
    expect(oidcLinkDecision(true, true)).toBe("allow");
    expect(oidcLinkDecision(true, "true")).toBe("allow");
    expect(oidcLinkDecision(true, false)).toBe("EmailNotVerified");
    expect(oidcLinkDecision(true, undefined)).toBe("EmailNotVerified");
  });
});
