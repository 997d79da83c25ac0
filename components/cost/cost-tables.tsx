import Link from "next/link";
import { TableHead } from "@/components/ui/table-head";
import { cardClass } from "@/components/ui/surface";
import type { GroupCost, TeamCost } from "@/lib/cost/estimate";
import { formatBytes } from "@/lib/format";

const dollars = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** Dollars a month; below a cent still shows that it is not nothing. */
export const formatMonthly = (amount: number) => (amount > 0 && amount < 0.01 ? "< $0.01" : dollars.format(amount));
const bytes = (value: number | null) => (value === null ? "–" : formatBytes(value));

/** One row per group, largest estimate first: each store's bytes and dollars a month. */
export function GroupCostTable({ groups }: { groups: GroupCost[] }) {
  return (
    <div className={`overflow-x-auto ${cardClass(false)}`}>
      <table className="w-full text-left text-sm" aria-label="Cost per feature group">
        <TableHead
          cellClassName="px-3 py-2"
          columns={[
            "Group",
            "Owner",
            { label: "Redis", align: "right" },
            { label: "RisingWave state", align: "right" },
            { label: "Archive", align: "right" },
            { label: "Per month", align: "right" },
          ]}
        />
        <tbody>
          {groups.map((group) => (
            <tr key={group.group} data-group={group.group} className="border-t border-slate-100 dark:border-slate-800">
              <td className="px-3 py-2">
                <Link className="font-mono text-tide-700 hover:underline dark:text-tide-400" href={`/groups/${group.group}`}>
                  {group.group}
                </Link>
              </td>
              <td className="px-3 py-2 text-slate-600 dark:text-slate-400">{group.owner}</td>
              <td className="px-3 py-2 text-right tabular-nums" data-store="redis">
                {bytes(group.redisBytes)} <span className="text-xs text-slate-500">{formatMonthly(group.redisMonthly)}</span>
              </td>
              <td className="px-3 py-2 text-right tabular-nums" data-store="risingwave">
                {bytes(group.risingwaveBytes)} <span className="text-xs text-slate-500">{formatMonthly(group.risingwaveMonthly)}</span>
              </td>
              <td className="px-3 py-2 text-right tabular-nums" data-store="archive">
                {bytes(group.archiveBytes)} <span className="text-xs text-slate-500">{formatMonthly(group.archiveMonthly)}</span>
              </td>
              <td className="px-3 py-2 text-right font-semibold tabular-nums">{formatMonthly(group.monthly)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The teams (owners) with their groups' sum, largest first. */
export function TeamCostTable({ teams }: { teams: TeamCost[] }) {
  return (
    <div className={`overflow-x-auto ${cardClass(false)}`}>
      <table className="w-full text-left text-sm" aria-label="Cost per team">
        <TableHead
          cellClassName="px-3 py-2"
          columns={["Owner", { label: "Groups", align: "right" }, { label: "Per month", align: "right" }]}
        />
        <tbody>
          {teams.map((team) => (
            <tr key={team.owner} className="border-t border-slate-100 dark:border-slate-800">
              <td className="px-3 py-2">{team.owner}</td>
              <td className="px-3 py-2 text-right tabular-nums">{team.groups}</td>
              <td className="px-3 py-2 text-right font-semibold tabular-nums">{formatMonthly(team.monthly)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
