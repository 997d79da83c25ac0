import { defineRoute } from "@/lib/api/define-route";
import { describeError } from "@/lib/errors";
import { BatchRequestSchema } from "@/lib/schemas/serving";
import { serveGroupBatch } from "@/lib/serving/serve";

export const dynamic = "force-dynamic";

export const POST = defineRoute(
  {
    summary: "Feature vectors for many entities and groups at once, groups in parallel: `{requests: [{group, keys}]}`.",
    access: "read",
    body: BatchRequestSchema,
  },
  async ({ body }) => {
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
    return { results };
  },
);
