// A real HTTP endpoint that records what it receives, for alert delivery tests.
import { createServer, type Server } from "node:http";
import { freePort } from "./redis-server";

export type Receiver = { url: string; messages: Record<string, unknown>[]; failNext: number; close(): Promise<void> };

export async function startWebhookReceiver(port?: number): Promise<Receiver> {
  const messages: Record<string, unknown>[] = [];
  const receiver: Receiver = { url: "", messages, failNext: 0, close: async () => {} };
  const server: Server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      if (receiver.failNext > 0) {
        receiver.failNext -= 1;
        response.writeHead(503).end();
        return;
      }
      messages.push(JSON.parse(body) as Record<string, unknown>);
      response.writeHead(200).end("ok");
    });
  });
  const listenPort = port ?? (await freePort());
  await new Promise<void>((resolve) => server.listen(listenPort, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${listenPort}/webhook`;
  receiver.close = () => new Promise((resolve) => server.close(() => resolve()));
  return receiver;
}
