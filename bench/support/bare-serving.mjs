// The serving baseline: node:http and ioredis doing what serving does at its least (one HGETALL of
// the article's hash, answered as JSON), nothing else. Started by bench/serving.ts.
import { createServer } from "node:http";
import { Redis } from "ioredis";

const redis = new Redis(process.env.REDIS_URL, { enableAutoPipelining: true });
const server = createServer(async (request, response) => {
  const key = /^\/features\/(\d+)$/.exec(request.url ?? "")?.[1];
  if (!key) return response.writeHead(404).end();
  const fields = await redis.hgetall(`features:user:${key}`);
  response.writeHead(200, { "content-type": "application/json" });
  response.end(JSON.stringify({ key: { user_id: key }, features: fields }));
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.BARE_PORT), "127.0.0.1", () => console.log(`bare serving on ${process.env.BARE_PORT}`));
