import "server-only";
import { available, type Availability } from "../health/availability";
import { listMaterializedViews } from "../risingwave/catalog";

/** The MVs the form offers; when RisingWave is down the form falls back to a text field. */
export async function materializedViewOptions(): Promise<Availability<{ name: string; status: string }[]>> {
  return available(async () => (await listMaterializedViews()).map((view) => ({ name: view.name, status: view.status })));
}
