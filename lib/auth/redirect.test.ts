import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./redirect";

const BASE = "https://tideline.example.com";

describe("safeCallbackPath", () => {
  it("keeps same-site paths with their query", () => {
    expect(safeCallbackPath("/groups/user_features_1h?tab=yaml", BASE)).toBe("/groups/user_features_1h?tab=yaml");
    expect(safeCallbackPath(undefined, BASE)).toBe("/");
  });

  it("refuses every way off-site", () => {
    for (const hostile of [
      "/%5Cevil.example",
      "/\\evil.example",
      "/%09/evil.example",
      "/\t/evil.example",
      "//evil.example",
      "https://evil.example",
      "/%2F/evil.example",
      "javascript:alert(1)",
      "/%E0%A4%A",
    ]) {
      expect(safeCallbackPath(hostile, BASE), hostile).toBe("/");
    }
  });
});
