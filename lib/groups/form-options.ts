import "server-only";
import { AppError } from "../errors";
import { listMaterializedViews } from "../risingwave/catalog";

/** The MVs the form offers; when RisingWave is down the form falls back to a text field. */
export async function materializedViewOptions(): Promise<{ options: { name: string; status: string }[] | null; error?: string }> {
  try {
    const views = await listMaterializedViews();
    return { options: views.map((view) => ({ name: view.name, status: view.status })) };
  } catch (error) {
    if (error instanceof AppError && error.status === 503) return { options: null, error: error.message };
    throw error;
  }
}
