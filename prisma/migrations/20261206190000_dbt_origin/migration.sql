-- Where each group's definition lives (the UI, a YAML file, a dbt model), what an audited change
-- came with, and the lineage of the last manifest imported per dbt project.
ALTER TABLE "FeatureGroup" ADD COLUMN "origin" TEXT NOT NULL DEFAULT 'ui',
ADD COLUMN "originRef" TEXT;

ALTER TABLE "AuditEvent" ADD COLUMN "context" TEXT;

CREATE TABLE "DbtProject" (
    "name" TEXT NOT NULL,
    "generatedAt" TEXT NOT NULL,
    "dbtVersion" TEXT,
    "lineage" JSONB NOT NULL,
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "importedBy" TEXT NOT NULL,

    CONSTRAINT "DbtProject_pkey" PRIMARY KEY ("name")
);
