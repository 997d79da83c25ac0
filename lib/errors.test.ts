import { describe, expect, it } from "vitest";
import { publicBackendError } from "./errors";

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
