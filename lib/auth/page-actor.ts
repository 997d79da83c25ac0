import "server-only";
import { currentActor } from "./actor";
import type { Actor } from "./permissions";

/** The actor for a page render: a bad credential on a page view reads as anonymous rather than an error page. */
export const pageActor = (): Promise<Actor> => currentActor().catch((): Actor => ({ kind: "anonymous" }));
