import "server-only";
import { getPrisma } from "../db";
import { retryDelayMs } from "../observability/alert-message";

export const MAX_ATTEMPTS = 10;
const CLAIM_MS = 60_000;
const SEND_TIMEOUT_MS = 5_000;

/** Queues one message per incident event; the unique (incident, event) pair makes this idempotent. */
export async function enqueueWebhooks(messages: { incidentId: string; event: string; url: string; payload: object }[]): Promise<void> {
  if (messages.length === 0) return;
  await getPrisma().webhookDelivery.createMany({ data: messages, skipDuplicates: true });
}

export type Sender = (url: string, body: string) => Promise<{ ok: boolean; status: number }>;

const httpSender: Sender = async (url, body) => {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
    signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
  });
  return { ok: response.ok, status: response.status };
};

/**
 * Sends due messages. Each is claimed first (an atomic UPDATE pushing its next attempt out), so two
 * collectors never send the same one; failures back off exponentially, up to MAX_ATTEMPTS.
 */
export async function deliverDueWebhooks(now: Date, send: Sender = httpSender): Promise<{ delivered: number; failed: number }> {
  const prisma = getPrisma();
  const due = await prisma.webhookDelivery.findMany({
    where: { deliveredAt: null, nextAttemptAt: { lte: now }, attempts: { lt: MAX_ATTEMPTS } },
    orderBy: { createdAt: "asc" },
    take: 50,
  });
  let delivered = 0;
  let failed = 0;
  for (const delivery of due) {
    const claimed = await prisma.webhookDelivery.updateMany({
      where: { id: delivery.id, deliveredAt: null, nextAttemptAt: delivery.nextAttemptAt },
      data: { nextAttemptAt: new Date(now.getTime() + CLAIM_MS) },
    });
    if (claimed.count === 0) continue;
    let error: string | null = null;
    try {
      const result = await send(delivery.url, JSON.stringify(delivery.payload));
      if (!result.ok) error = `HTTP ${result.status}`;
    } catch (caught) {
      error = caught instanceof Error ? caught.message : String(caught);
    }
    const attempts = delivery.attempts + 1;
    await prisma.webhookDelivery.update({
      where: { id: delivery.id },
      data: error
        ? { attempts, lastError: error, nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)) }
        : { attempts, deliveredAt: new Date(), lastError: null },
    });
    if (error) failed += 1;
    else delivered += 1;
  }
  return { delivered, failed };
}
