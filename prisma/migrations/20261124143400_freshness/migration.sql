-- CreateTable
CREATE TABLE "FreshnessSample" (
    "id" BIGSERIAL NOT NULL,
    "groupName" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "resolutionSeconds" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL,
    "freshnessSeconds" DOUBLE PRECISION,
    "processingFreshnessSeconds" DOUBLE PRECISION,
    "eventFreshnessSeconds" DOUBLE PRECISION,
    "kafkaLag" BIGINT,
    "slaSeconds" INTEGER NOT NULL,

    CONSTRAINT "FreshnessSample_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Incident" (
    "id" TEXT NOT NULL,
    "groupName" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),
    "slaSeconds" INTEGER NOT NULL,
    "peakFreshnessSeconds" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "Incident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deliveredAt" TIMESTAMP(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FreshnessSample_groupName_resolutionSeconds_at_idx" ON "FreshnessSample"("groupName", "resolutionSeconds", "at");

-- CreateIndex
CREATE INDEX "FreshnessSample_resolutionSeconds_at_idx" ON "FreshnessSample"("resolutionSeconds", "at");

-- CreateIndex
CREATE INDEX "Incident_groupName_openedAt_idx" ON "Incident"("groupName", "openedAt");

-- CreateIndex
CREATE INDEX "Incident_closedAt_idx" ON "Incident"("closedAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_deliveredAt_nextAttemptAt_idx" ON "WebhookDelivery"("deliveredAt", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookDelivery_incidentId_event_key" ON "WebhookDelivery"("incidentId", "event");

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- At most one open incident per group, even with two collectors running.
CREATE UNIQUE INDEX "Incident_one_open_per_group" ON "Incident" ("groupName") WHERE "closedAt" IS NULL;
