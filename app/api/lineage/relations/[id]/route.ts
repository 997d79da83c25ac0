import { z } from "zod";
import { handle } from "@/lib/http";
import { loadRelationDetail } from "@/lib/lineage/load";

export const dynamic = "force-dynamic";

const IdSchema = z.coerce.number().int().positive().max(2_147_483_647);

/** One relation's definition and options, credentials masked. */
export function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(async () => Response.json(await loadRelationDetail(IdSchema.parse((await params).id))));
}
