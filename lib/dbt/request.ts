import "server-only";
import { AppError } from "../errors";
import { MAX_MANIFEST_BYTES, ManifestError, readManifest, type DbtManifest } from "./manifest";

/** A manifest sent as a request body: refused by its declared length before it is read, then as readManifest refuses. */
export async function readManifestRequest(request: Request): Promise<DbtManifest> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_MANIFEST_BYTES) throw new AppError(413, `the manifest is over ${MAX_MANIFEST_BYTES / 1024 / 1024} MiB`);
  try {
    return readManifest(await request.text());
  } catch (error) {
    if (error instanceof ManifestError) throw new AppError(error.status, error.message, error.issues);
    throw error;
  }
}
