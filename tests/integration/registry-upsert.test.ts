// The registry write path against a real, freshly migrated PostgreSQL database.
import { afterAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { upsertDefinition } from "@/lib/registry/groups";
import { FeatureGroupSchema } from "@/lib/schemas/feature-group";

const definition = FeatureGroupSchema.parse({
  name: "it_user_features",
  owner: "ml@example.com",
  entity: { name: "it_user", keys: ["user_id"] },
  freshness_sla_seconds: 300,
  materialized_view: "user_features_1h",
  features: [
    { name: "event_count_1h", dtype: "int64" },
    { name: "purchase_count_1h", dtype: "int64" },
  ],
});

afterAll(() => getPrisma().$disconnect());

describe("upsertDefinition", () => {
  it("creates, then leaves an identical definition alone, then updates and bumps the version", async () => {
    expect(await upsertDefinition(definition, "tester")).toBe("created");
    expect(await upsertDefinition(definition, "tester")).toBe("unchanged");

    const changed = {
      ...definition,
      freshness_sla_seconds: 120,
      features: [definition.features[1]!, { name: "click_count_1h", dtype: "int64" as const, description: "" }],
    };
    expect(await upsertDefinition(changed, "tester")).toBe("updated");

    const prisma = getPrisma();
    const stored = await prisma.featureGroup.findUniqueOrThrow({
      where: { name: definition.name },
      include: { features: { orderBy: { position: "asc" } }, entity: true },
    });
    expect(stored.version).toBe(2);
    expect(stored.freshnessSlaSeconds).toBe(120);
    expect(stored.features.map((feature) => feature.name)).toEqual(["purchase_count_1h", "click_count_1h"]);
    expect(stored.entity?.keyColumns).toEqual(["user_id"]);

    const audit = await prisma.auditEvent.findMany({ where: { groupName: definition.name }, orderBy: { createdAt: "asc" } });
    expect(audit.map((event) => [event.action, event.actor])).toEqual([
      ["create", "tester"],
      ["update", "tester"],
    ]);
    expect(audit[1]?.before).toMatchObject({ freshness_sla_seconds: 300 });
    expect(audit[1]?.after).toMatchObject({ freshness_sla_seconds: 120 });
  });
});
