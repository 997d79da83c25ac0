import { unavailableFrom, type Unavailable } from "../errors";

/**
 * The one result of a loader that reads a backend: its value, or which backend did not answer and
 * why. Pages render the second with `UnavailableBanner`; any other error still throws.
 */
export type Availability<T> = { ok: true; value: T } | { ok: false; unavailable: Unavailable };

export async function available<T>(load: () => Promise<T>): Promise<Availability<T>> {
  try {
    return { ok: true, value: await load() };
  } catch (error) {
    const unavailable = unavailableFrom(error);
    if (!unavailable) throw error;
    return { ok: false, unavailable };
  }
}
