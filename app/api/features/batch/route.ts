import { describeError } from "@/lib/errors";
import { handle, readJson } from "@/lib/http";
import { BatchRequestSchema } from "@/lib/schemas/serving";
import { serveGroupBatch } from "@/lib/serving/serve";

export const dynamic = "force-dynamic";

/** Feature vectors for many entities and groups at once, groups in parallel: `{requests: [{group, keys}]}`. */
export function POST(request: Request) {
  return handle(async () => {
    const body = await readJson(request, BatchRequestSchema);
    // One group failing (unknown name, RisingWave down) does not fail the others.
    const results = await Promise.all(
      body.requests.map(({ group, keys }) =>
        serveGroupBatch(group, keys).then(
          (entries) => ({ group, entries }),
          (error: unknown) => {
            const { status, error: message } = describeError(error, "serving failed", "serving");
            return { group, error: message, status };
          },
        ),
      ),
    );
    return Response.json({ results });
  });
}
