import { spawn } from "node:child_process";
import { expect, test } from "@playwright/test";

test("GET /api/health answers 200 with the four backends", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.status).toBe("ok");
  expect(Object.keys(body.backends).sort()).toEqual(["archive", "postgres", "redis", "risingwave"]);
  for (const backend of Object.values<{ ok: boolean; latencyMs: number }>(body.backends)) {
    expect(backend.ok).toBe(true);
    expect(typeof backend.latencyMs).toBe("number");
  }
});

test("a bad configuration stops the server at start, naming each bad key", async () => {
  const child = spawn("npx", ["next", "start", "-p", "3198", "-H", "127.0.0.1"], {
    env: { ...process.env, DATABASE_URL: "mysql://nope", REDIS_URL: "", AUTH_SECRET: "short" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      resolve(null);
    }, 30_000);
    child.on("exit", (exitCode) => {
      clearTimeout(timer);
      resolve(exitCode);
    });
  });
  expect(code).toBe(1);
  expect(output).toContain("Tideline cannot start");
  expect(output).toContain("DATABASE_URL: must be a postgres:// or postgresql:// URL");
  expect(output).toContain("REDIS_URL: missing");
  expect(output).toContain("AUTH_SECRET: must be at least 32 bytes");
});
