import type { Metadata } from "next";
import { LookupForm } from "@/components/lookup/lookup-form";
import { LookupResultView } from "@/components/lookup/lookup-result";
import { UnavailableBanner } from "@/components/health/unavailable-banner";
import { EmptyState } from "@/components/ui/empty-state";
import { available } from "@/lib/health/availability";
import { PageHeader } from "@/components/ui/page-header";
import { describeError } from "@/lib/errors";
import { lookupEntity, lookupGroupOptions } from "@/lib/lookup/lookup";
import { parseLookupQuery } from "@/lib/schemas/lookup";
import { firstValues } from "@/lib/search-params";

export const metadata: Metadata = { title: "Lookup" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LookupPage({ searchParams }: Props) {
  const params = firstValues(await searchParams);
  const options = await available(() => lookupGroupOptions());
  const groups = options.ok ? options.value : [];
  const asked = options.ok && params.group !== undefined;
  const outcome = asked
    ? await Promise.resolve()
        .then(() => parseLookupQuery(params))
        .then((query) => lookupEntity(query.group, query.key, query.at))
        .catch((error: unknown) => describeError(error, "the lookup failed", "lookup"))
    : null;
  const keyFields = Object.fromEntries(
    Object.entries(params)
      .filter(([name]) => name.startsWith("key"))
      .map(([name, value]) => [name === "key" ? "key" : name.slice(4), value]),
  );
  return (
    <>
      <PageHeader
        title="Lookup"
        description="One entity's feature values in RisingWave, Redis and the snapshot archive, side by side, with every disagreement explained."
      />
      {!options.ok ? (
        <UnavailableBanner unavailable={options.unavailable} affects="The groups to look up are read from it." />
      ) : groups.length === 0 ? (
        <EmptyState title="No feature groups registered">
          Register a feature group in the registry first; then look up its entities here.
        </EmptyState>
      ) : (
        <LookupForm groups={groups} initial={{ group: params.group ?? "", key: keyFields, at: params.at ?? "" }} />
      )}
      {outcome && "error" in outcome ? (
        <div
          role="alert"
          className="mt-4 rounded-lg border border-red-300 bg-red-50 p-4 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
        >
          <p className="font-medium">{outcome.error}</p>
          {outcome.issues.length > 0 ? (
            <ul className="mt-1 list-disc pl-5">
              {outcome.issues.map((issue) => (
                <li key={issue.path}>
                  {issue.path}: {issue.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {outcome && !("error" in outcome) ? (
        <LookupResultView result={outcome} apiHref={`/api/lookup?${new URLSearchParams(params)}`} />
      ) : null}
      {options.ok && !asked && groups.length > 0 ? (
        <p className="mt-4 text-sm text-slate-600 dark:text-slate-400">
          Pick a group and enter an entity key, e.g. user_features_1h and user_id 42.
        </p>
      ) : null}
    </>
  );
}
