import { describe, expect, it } from "vitest";
import { AppError, unreachable } from "../errors";
import { available } from "./availability";

describe("available", () => {
  it("passes a value through", async () => {
    expect(await available(async () => 42)).toEqual({ ok: true, value: 42 });
  });

  it("turns a backend's outage into the backend and the reason", async () => {
    expect(await available(() => Promise.reject(unreachable("redis", ": connection refused")))).toEqual({
      ok: false,
      unavailable: { backend: "redis", reason: "Redis is unreachable: connection refused" },
    });
  });

  it("lets every other error through: a 503 that names no backend, a 404, a bug", async () => {
    await expect(available(() => Promise.reject(new AppError(503, "RisingWave is recovering")))).rejects.toThrow("recovering");
    await expect(available(() => Promise.reject(new AppError(404, "Feature group x not found")))).rejects.toThrow("not found");
    await expect(available(() => Promise.reject(new TypeError("undefined is not a function")))).rejects.toThrow(TypeError);
  });
});
