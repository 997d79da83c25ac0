import "server-only";
import { unavailableFrom, type Unavailable } from "../errors";
import { formatDateTime } from "../format";
import { available } from "../health/availability";
import { listMonitoredGroups, listOpenIncidentStarts, listPreviousStatuses } from "../registry/freshness-inputs";
import { readPipelineState } from "../risingwave/freshness";
import { assessGroups, type GroupFreshness, type PipelineSnapshot, type RegisteredGroup } from "./assess";
import { FRESHNESS_STATUSES, type FreshnessStatus } from "./classify";
import { measureEventTimes, type EventTimeCoverage } from "./event-times";
import { latestRedisStats } from "./redis-collector";
import { readServingUsage } from "../redis/serving-usage";

export type FreshnessBoard = {
  generatedAt: string;
  risingwave: { ok: boolean; error: string | null; queries: number; eventTime: EventTimeCoverage | null };
  /** Backends that did not answer this time; with the registry down the groups are the last ones read. */
  unavailable: Unavailable[];
  barrierLatencySeconds: number | null;
  counts: Record<FreshnessStatus, number> & { total: number };
  groups: GroupFreshness[];
};

type RegistryInputs = { groups: RegisteredGroup[]; previous: Map<string, FreshnessStatus>; openIncidents: Map<string, Date> };
const cache = globalThis as unknown as {
  lastRegistryInputs?: { at: number; inputs: RegistryInputs };
  sharedBoard?: { at: number; promise: Promise<FreshnessBoard>; settled: boolean };
};

/** How long one build is served to every viewer: dashboards poll every 10 s, so they stay current. */
const SHARED_BOARD_MS = 5_000;

/** Each group's online serving over the last hour, when Redis answers (one round trip). */
async function withServingUsage(board: FreshnessBoard): Promise<FreshnessBoard> {
  const usage = await readServingUsage().catch(() => null);
  if (!usage) return board;
  return {
    ...board,
    groups: board.groups.map((group) => ({ ...group, serving: usage.get(group.name) ?? { requests: 0, stale: 0, fallback: 0 } })),
  };
}

/**
 * The board for people (pages, GET /api/freshness): one build at a time whoever asks, reused for
 * 5 s, so 50 open dashboards cost one build per interval. The collector builds its own.
 */
export function sharedFreshnessBoard(now = Date.now()): Promise<FreshnessBoard> {
  const shared = cache.sharedBoard;
  if (shared && (!shared.settled || now - shared.at < SHARED_BOARD_MS)) return shared.promise;
  const entry = { at: now, promise: buildFreshnessBoard(now).then(withServingUsage), settled: false };
  cache.sharedBoard = entry;
  const forget = () => {
    if (cache.sharedBoard === entry) cache.sharedBoard = undefined;
  };
  // A failed build, or one that a backend outage degraded, is not kept: recovery shows on the next request.
  entry.promise.then((board) => (board.unavailable.length > 0 ? forget() : (entry.settled = true)), forget);
  return entry.promise;
}

/**
 * The registered groups, their last statuses and open incidents. With the registry down, the last ones
 * this process read (said so in `unavailable`): freshness is still measured live in RisingWave.
 */
async function registryInputs(now: number): Promise<{ inputs: RegistryInputs; unavailable: Unavailable | null }> {
  const loaded = await available(() => Promise.all([listMonitoredGroups(), listPreviousStatuses(), listOpenIncidentStarts()]));
  if (loaded.ok) {
    const [groups, previous, openIncidents] = loaded.value;
    cache.lastRegistryInputs = { at: now, inputs: { groups, previous, openIncidents } };
    return { inputs: cache.lastRegistryInputs.inputs, unavailable: null };
  }
  const known = cache.lastRegistryInputs;
  const reason = known
    ? `${loaded.unavailable.reason}. Groups as last read at ${formatDateTime(known.at)}.`
    : `${loaded.unavailable.reason}. No group definitions were read since this server started.`;
  return {
    inputs: known?.inputs ?? { groups: [], previous: new Map(), openIncidents: new Map() },
    unavailable: { ...loaded.unavailable, reason },
  };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? null;
}

/** Each group's newest value in Redis, from the key stats walk's last sample (no Redis call here). */
function withRedisWriteAge(groups: GroupFreshness[]): GroupFreshness[] {
  const stats = latestRedisStats().stats;
  if (!stats) return groups;
  const sampled = new Map(stats.groups.map((group) => [group.group, group.newestValueAt]));
  return groups.map((group) => {
    const newest = sampled.get(group.name);
    return newest
      ? {
          ...group,
          redisWrite: {
            newestValueAgeSeconds: Math.max(0, (Date.parse(stats.collectedAt) - Date.parse(newest)) / 1000),
            sampledAt: stats.collectedAt,
          },
        }
      : group;
  });
}

/** Every monitored group's freshness now: the /freshness page, /api/freshness and the collector. */
export async function buildFreshnessBoard(now = Date.now()): Promise<FreshnessBoard> {
  const registry = await registryInputs(now);
  const { groups, previous, openIncidents } = registry.inputs;
  let snapshot: PipelineSnapshot | null = null;
  let risingwave: Unavailable | null = null;
  let queries = 0;
  let barrier: number | null = null;
  let eventTime: EventTimeCoverage | null = null;
  try {
    const state = await readPipelineState(
      [...new Set(groups.map((group) => group.materializedView))],
      [...new Set(groups.flatMap((group) => (group.timestampColumn ? [group.timestampColumn] : [])))],
    );
    const measured = await measureEventTimes(groups, state, now);
    queries = state.statements + measured.statements;
    eventTime = measured.coverage;
    snapshot = { ...state, eventTimes: measured.value };
    barrier = median(state.barrierDurationsSeconds);
  } catch (caught) {
    risingwave = unavailableFrom(caught);
    if (!risingwave) throw caught;
  }
  const assessed = withRedisWriteAge(assessGroups(groups, snapshot, now, previous, openIncidents, risingwave?.reason));
  const counts = Object.fromEntries(FRESHNESS_STATUSES.map((status) => [status, 0])) as Record<FreshnessStatus, number>;
  for (const group of assessed) counts[group.status] += 1;
  return {
    generatedAt: new Date(now).toISOString(),
    risingwave: { ok: snapshot !== null, error: risingwave?.reason ?? null, queries, eventTime },
    unavailable: [registry.unavailable, risingwave].filter((outage): outage is Unavailable => outage !== null),
    barrierLatencySeconds: barrier,
    counts: { ...counts, total: assessed.length },
    groups: assessed,
  };
}
