// The processes a benchmark starts (servers, the emulator): started until they print that they are
// ready, measured by their resident memory, and all stopped however the benchmark ends.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";

const children: ChildProcess[] = [];
export const stopProcesses = () => children.forEach((child) => child.kill("SIGTERM"));
process.once("exit", stopProcesses);

/** Spawns `command` with the environment plus `env`; resolves once its output matches `ready`. */
export function startProcess(command: string, args: string[], ready: RegExp, env: Record<string, string> = {}): Promise<ChildProcess> {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${command} ${args.join(" ")} did not start:\n${output}`)), 120_000);
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);
    child.once("exit", (code) => reject(new Error(`${command} ${args.join(" ")} exited with ${code}:\n${output}`)));
  });
}

/** Resident memory of a process, in MB (Linux /proc). */
export const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;

/** Runs a benchmark's main: exit 0 when it ends, 1 (its processes stopped) when it fails. */
export function runBenchmark(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      stopProcesses();
      process.exit(1);
    },
  );
}
