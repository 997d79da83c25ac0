// Catalog search with 10,000 features: 1,000 groups × 10 features in a scratch database.
// Run: npm run bench:search   (prints p50/p95/max per query; creates and drops its own database)
import { performance } from "node:perf_hooks";
import { createScratchDatabases } from "./support/scale";

const GROUPS = Number(process.env.BENCH_GROUPS ?? 1_000);
const FEATURES_PER_GROUP = 10;
const RUNS = Number(process.env.BENCH_RUNS ?? 40);

const scratch = createScratchDatabases("search");

const WORDS = ["purchase", "click", "session", "cart", "refund", "merchant", "device", "geo", "fraud", "rank", "embedding", "price"];
const word = (index: number) => WORDS[index % WORDS.length] ?? "x";

async function main() {
  const { getPrisma } = await import("../lib/db");
  const { searchGroups } = await import("../lib/registry/search");
  const { GroupSearchSchema } = await import("../lib/schemas/group-search");
  const prisma = getPrisma();
  try {
    const loadStart = performance.now();
    for (let start = 0; start < GROUPS; start += 100) {
      await prisma.$transaction(async (tx) => {
        for (let index = start; index < Math.min(GROUPS, start + 100); index++) {
          await tx.featureGroup.create({
            data: {
              name: `bench_${word(index)}_${index}`,
              description: `${word(index + 3)} signals for ${word(index + 5)} models, group ${index}`,
              owner: `team${index % 25}@example.com`,
              tags: [word(index + 1), `tier${index % 3}`],
              freshnessSlaSeconds: 60 + (index % 10) * 60,
              materializedView: `bench_mv_${index}`,
              features: {
                create: Array.from({ length: FEATURES_PER_GROUP }, (_, f) => ({
                  name: `${word(index + f)}_${f}_count`,
                  dtype: "int64",
                  description: `${word(f + 7)} events`,
                  position: f,
                })),
              },
            },
          });
        }
      });
    }
    const features = await prisma.feature.count();
    console.log(`loaded ${GROUPS} groups / ${features} features in ${((performance.now() - loadStart) / 1000).toFixed(1)} s`);

    const cases: Record<string, Record<string, string>> = {
      "q=purchase": { q: "purchase" },
      "q=fraud sess (2 prefixes)": { q: "fraud sess" },
      "q=purchase + owner filter": { q: "purchase", owner: "team3@example.com" },
      "no query, sort=name, page 20": { sort: "name", page: "20" },
      "tag=tier1, sort=sla": { tag: "tier1", sort: "sla" },
    };
    for (const [label, params] of Object.entries(cases)) {
      const query = GroupSearchSchema.parse(params);
      const timings: number[] = [];
      let total = 0;
      for (let run = 0; run < RUNS; run++) {
        const started = performance.now();
        total = (await searchGroups(query)).total;
        timings.push(performance.now() - started);
      }
      timings.sort((a, b) => a - b);
      const at = (p: number) => timings[Math.min(timings.length - 1, Math.floor(p * timings.length))]?.toFixed(1);
      console.log(
        `${label.padEnd(32)} matches ${String(total).padStart(5)}  p50 ${at(0.5)} ms  p95 ${at(0.95)} ms  max ${at(1)} ms  (${RUNS} runs, 3 queries each)`,
      );
    }
  } finally {
    await prisma.$disconnect();
    scratch.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
