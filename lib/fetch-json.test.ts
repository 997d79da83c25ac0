import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { fetchJson } from "./fetch-json";

const answer = (status: number, body: unknown) =>
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => new Response(JSON.stringify(body), { status })),
  );
afterEach(() => vi.unstubAllGlobals());

describe("fetchJson", () => {
  const Schema = z.object({ name: z.string() });

  it("returns the answer checked against the schema", async () => {
    answer(200, { name: "user_features_1h", extra: 1 });
    await expect(fetchJson("/api/x", Schema)).resolves.toEqual({ name: "user_features_1h" });
  });

  it("throws the API's own error text on a non-2xx answer, and a schema error on a wrong shape", async () => {
    answer(503, { error: "RisingWave is unreachable: connection refused", issues: [] });
    await expect(fetchJson("/api/x", Schema)).rejects.toThrow("RisingWave is unreachable: connection refused");
    answer(500, "not json at all");
    await expect(fetchJson("/api/x", Schema)).rejects.toThrow("/api/x answered 500");
    answer(200, { name: 7 });
    await expect(fetchJson("/api/x", Schema)).rejects.toThrow(/expected string/);
  });
});
