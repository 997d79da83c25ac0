-- AlterTable
ALTER TABLE "FeatureGroup" ADD COLUMN     "driftThresholds" JSONB;

-- CreateTable
CREATE TABLE "DriftRun" (
    "id" TEXT NOT NULL,
    "groupName" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL,
    "mismatchRate" DOUBLE PRECISION,
    "result" JSONB NOT NULL,

    CONSTRAINT "DriftRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DriftRun_groupName_at_idx" ON "DriftRun"("groupName", "at");

-- CreateIndex
CREATE INDEX "DriftRun_at_idx" ON "DriftRun"("at");
