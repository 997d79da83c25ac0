// A second `next start` of the same build, with some environment changed (a backend moved to a
// closed or hanging port), for tests that need the app to meet a broken backend from its start.
import { spawn, type ChildProcess } from "node:child_process";
import { connect, createServer, type Server, type Socket } from "node:net";
import { freePort } from "../../tests/support/redis-server";

export type AppProcess = { baseURL: string; output: () => string; stop(): Promise<void> };

export type PortMode = "hang" | "closed" | "forward";
export type BrokenPort = { port: number; set(mode: PortMode): Promise<void>; close(): void };

/**
 * A port in front of a real backend that can be switched: "hang" accepts and never says a word (the
 * worst kind of broken backend), "closed" stops listening (connection refused, as a stopped server),
 * "forward" passes each connection to `target`. Switching drops the open connections, as a restart would.
 */
export async function brokenPort(target: { host: string; port: number }, initial: PortMode): Promise<BrokenPort> {
  let mode = initial;
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
    if (mode === "hang") return;
    const upstream = connect(target.port, target.host);
    upstream.on("error", () => socket.destroy());
    socket.on("close", () => upstream.destroy());
    upstream.on("close", () => socket.destroy());
    socket.pipe(upstream).pipe(socket);
  });
  const port = await freePort();
  const listen = () => new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const dropAll = () => sockets.forEach((socket) => socket.destroy());
  if (initial !== "closed") await listen();
  return {
    port,
    async set(next) {
      dropAll();
      if (next === "closed" && server.listening) await new Promise((resolve) => server.close(resolve));
      if (next !== "closed" && !server.listening) await listen();
      mode = next;
    },
    close() {
      dropAll();
      server.close();
    },
  };
}

export async function startApp(overrides: Record<string, string>): Promise<AppProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn("node_modules/.bin/next", ["start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, ...overrides },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const baseURL = `http://127.0.0.1:${port}`;
  const startedAt = Date.now();
  // Any HTTP answer means it is serving (health answers 200 with a backend down).
  while (
    !(await fetch(`${baseURL}/api/health`).then(
      () => true,
      () => false,
    ))
  ) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${output}`);
    if (Date.now() - startedAt > 30_000) throw new Error(`next start did not answer within 30 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    baseURL,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
