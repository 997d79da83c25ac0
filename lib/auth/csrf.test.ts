import { describe, expect, it } from "vitest";
import { assertSameSiteWrite } from "./csrf";

const request = (headers: Record<string, string>, method = "PUT") =>
  new Request("http://127.0.0.1:3100/api/groups/x", { method, headers, body: method === "DELETE" ? null : "{}" });
const PUBLIC = "http://127.0.0.1:3100";

describe("cookie-authenticated writes", () => {
  it("accept this site's JSON and YAML writes", () => {
    expect(() => assertSameSiteWrite(request({ origin: PUBLIC, "content-type": "application/json" }), PUBLIC)).not.toThrow();
    expect(() => assertSameSiteWrite(request({ "content-type": "application/yaml" }, "POST"), PUBLIC)).not.toThrow();
    expect(() => assertSameSiteWrite(request({ origin: PUBLIC }, "DELETE"), PUBLIC)).not.toThrow();
  });

  it("refuse another Origin, cross-site fetches and form-encodable bodies", () => {
    expect(() => assertSameSiteWrite(request({ origin: "https://evil.example", "content-type": "application/json" }), PUBLIC)).toThrow(
      /Origin https:\/\/evil.example/,
    );
    expect(() => assertSameSiteWrite(request({ "sec-fetch-site": "cross-site", "content-type": "application/json" }), PUBLIC)).toThrow(
      /cross-site/,
    );
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""]) {
      expect(() => assertSameSiteWrite(request({ origin: PUBLIC, "content-type": type }), PUBLIC), type).toThrow(/application\/json/);
    }
  });
});
