/** Prices per GB-month of each store (lib/env.ts, documented defaults). */
export type Prices = { redis: number; risingwave: number; archive: number };
/** What a group holds in each store, in bytes; null: not measured (no walk yet, no stats, no archive). */
export type GroupFootprint = {
  group: string;
  owner: string;
  redisBytes: number | null;
  risingwaveBytes: number | null;
  archiveBytes: number | null;
};
export type GroupCost = GroupFootprint & { redisMonthly: number; risingwaveMonthly: number; archiveMonthly: number; monthly: number };
export type TeamCost = { owner: string; groups: number; monthly: number };
export type CostReport = {
  groups: GroupCost[];
  teams: TeamCost[];
  total: { monthly: number; redis: number; risingwave: number; archive: number };
};

const GB = 1024 ** 3;
const monthly = (bytes: number | null, pricePerGbMonth: number) => ((bytes ?? 0) / GB) * pricePerGbMonth;

/** Each group's monthly estimate (bytes × price per GB-month, per store), the teams' sums and the total; largest first. */
export function estimateCosts(footprints: GroupFootprint[], prices: Prices): CostReport {
  const groups = footprints
    .map((footprint) => {
      const redisMonthly = monthly(footprint.redisBytes, prices.redis);
      const risingwaveMonthly = monthly(footprint.risingwaveBytes, prices.risingwave);
      const archiveMonthly = monthly(footprint.archiveBytes, prices.archive);
      return { ...footprint, redisMonthly, risingwaveMonthly, archiveMonthly, monthly: redisMonthly + risingwaveMonthly + archiveMonthly };
    })
    .sort((a, b) => b.monthly - a.monthly || a.group.localeCompare(b.group));
  const teams = new Map<string, TeamCost>();
  for (const group of groups) {
    const team = teams.get(group.owner) ?? { owner: group.owner, groups: 0, monthly: 0 };
    team.groups += 1;
    team.monthly += group.monthly;
    teams.set(group.owner, team);
  }
  const sum = (pick: (group: GroupCost) => number) => groups.reduce((total, group) => total + pick(group), 0);
  return {
    groups,
    teams: [...teams.values()].sort((a, b) => b.monthly - a.monthly || a.owner.localeCompare(b.owner)),
    total: {
      monthly: sum((group) => group.monthly),
      redis: sum((group) => group.redisMonthly),
      risingwave: sum((group) => group.risingwaveMonthly),
      archive: sum((group) => group.archiveMonthly),
    },
  };
}

const csvField = (value: string | number | null) => {
  const text = value === null ? "" : String(value);
  // Quoted when it holds a separator, a quote or a line break; a leading = + - @ is neutralised for spreadsheets.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

/** The per-group table as CSV (bytes and dollars per month, two decimals), largest first. */
export function costCsv(report: CostReport): string {
  const header = [
    "group",
    "owner",
    "redis_bytes",
    "risingwave_bytes",
    "archive_bytes",
    "redis_usd_month",
    "risingwave_usd_month",
    "archive_usd_month",
    "total_usd_month",
  ];
  const rows = report.groups.map((group) =>
    [
      group.group,
      group.owner,
      group.redisBytes,
      group.risingwaveBytes,
      group.archiveBytes,
      group.redisMonthly.toFixed(2),
      group.risingwaveMonthly.toFixed(2),
      group.archiveMonthly.toFixed(2),
      group.monthly.toFixed(2),
    ].map(csvField),
  );
  return [header, ...rows].map((row) => row.join(",")).join("\n") + "\n";
}
