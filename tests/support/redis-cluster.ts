// A throwaway three-master Redis Cluster on loopback ports (redis-server in cluster mode, joined by
// `redis-cli --cluster create`), for the tests of REDIS_URL's cluster form.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { startRedis, type TestRedis } from "./redis-server";

export type TestCluster = { url: string; ports: number[]; stop(): Promise<void> };

const run = promisify(execFile);

export async function startRedisCluster(): Promise<TestCluster> {
  const nodes: TestRedis[] = [];
  try {
    for (let index = 0; index < 3; index++) {
      nodes.push(
        await startRedis(["--cluster-enabled", "yes", "--cluster-config-file", `nodes-${index}.conf`, "--cluster-node-timeout", "2000"]),
      );
    }
    const addresses = nodes.map((node) => new URL(node.url).host);
    await run("redis-cli", ["--cluster", "create", ...addresses, "--cluster-replicas", "0", "--cluster-yes"], { timeout: 30_000 });
    // Every node must agree the slots are covered before keys can be written.
    const deadline = Date.now() + 20_000;
    for (const address of addresses) {
      const [host, port] = address.split(":") as [string, string];
      while (!(await run("redis-cli", ["-h", host, "-p", port, "cluster", "info"])).stdout.includes("cluster_state:ok")) {
        if (Date.now() > deadline) throw new Error(`the cluster did not reach state ok on ${address}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    return {
      url: JSON.stringify(addresses.map((address) => `redis://${address}`)),
      ports: addresses.map((address) => Number(address.split(":")[1])),
      stop: async () => void (await Promise.all(nodes.map((node) => node.stop()))),
    };
  } catch (error) {
    await Promise.all(nodes.map((node) => node.stop()));
    throw error;
  }
}
