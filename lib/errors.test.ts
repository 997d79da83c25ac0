import { describe, expect, it } from "vitest";
import { AppError, describeError, publicBackendError, unavailableFrom } from "./errors";

describe("publicBackendError", () => {
  it("names the kind of failure without hosts, ports, URLs or credentials", () => {
    expect(publicBackendError(Object.assign(new Error("connect ECONNREFUSED 10.0.3.7:4566"), { code: "ECONNREFUSED" }))).toBe(
      "connection refused",
    );
    expect(publicBackendError(Object.assign(new Error("getaddrinfo ENOTFOUND rw.internal"), { code: "ENOTFOUND" }))).toBe("host not found");
    expect(publicBackendError(new Error("Redis error: redis://:hunter2@cache.prod:6379/0 refused"))).toBe("Redis error: <url> refused");
    expect(publicBackendError(new Error("timeout talking to rw-frontend.prod.internal:4566 and 10.1.2.3"))).toBe(
      "timeout talking to <host> and <host>",
    );
    expect(publicBackendError(new Error("no answer within 2500 ms"))).toBe("no answer within 2500 ms");
  });
});

describe("AppError across bundles", () => {
  it("an AppError thrown by another copy of this module keeps its status", () => {
    // What another bundle's AppError looks like from here: same brand, different class.
    const fromOtherBundle = Object.assign(new Error("The registry database is unreachable"), {
      [Symbol.for("tideline.AppError")]: true,
      status: 503,
      issues: [],
    });
    expect(fromOtherBundle instanceof AppError).toBe(true);
    expect(describeError(fromOtherBundle, "internal error", "test")).toEqual({
      status: 503,
      error: "The registry database is unreachable",
      issues: [],
    });
    expect(new Error("plain") instanceof AppError).toBe(false);
  });
});

describe("registry outages reported by Prisma", () => {
  it("a Prisma error about the connection is a 503 naming the registry, whatever its (minified) class name", () => {
    const prismaError = Object.assign(new Error("Connection terminated unexpectedly"), { clientVersion: "6.19.3" });
    expect(unavailableFrom(prismaError)).toEqual({ backend: "registry", reason: "The registry database is unreachable" });
    expect(describeError(prismaError, "internal error", "test").status).toBe(503);
  });

  it("a wait for a busy pool is said as busy, not as an outage", () => {
    const busy = Object.assign(new Error("timeout exceeded when trying to connect"), { clientVersion: "6.19.3" });
    expect(unavailableFrom(busy)?.reason).toMatch(/^The registry database is busy/);
  });

  it("the same words from another client are not the registry's outage", () => {
    expect(unavailableFrom(new Error("connect ECONNREFUSED 127.0.0.1:6379"))).toBeNull();
  });
});
