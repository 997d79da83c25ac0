-- CreateEnum
CREATE TYPE "GroupStatus" AS ENUM ('draft', 'active', 'deprecated');

-- CreateEnum
CREATE TYPE "RedisValueKind" AS ENUM ('json', 'template', 'hash');

-- CreateTable
CREATE TABLE "Entity" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "keyColumns" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Entity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeatureGroup" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "owner" TEXT NOT NULL,
    "team" TEXT,
    "tags" TEXT[],
    "entityId" TEXT,
    "freshnessSlaSeconds" INTEGER NOT NULL,
    "materializedView" TEXT NOT NULL,
    "timestampColumn" TEXT,
    "redisKeyTemplate" TEXT,
    "redisValueKind" "RedisValueKind",
    "redisTtlSeconds" INTEGER,
    "snapshotPath" TEXT,
    "status" "GroupStatus" NOT NULL DEFAULT 'active',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FeatureGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Feature" (
    "id" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "dtype" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL,

    CONSTRAINT "Feature_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "groupName" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Entity_name_key" ON "Entity"("name");

-- CreateIndex
CREATE UNIQUE INDEX "FeatureGroup_name_key" ON "FeatureGroup"("name");

-- CreateIndex
CREATE INDEX "FeatureGroup_owner_idx" ON "FeatureGroup"("owner");

-- CreateIndex
CREATE INDEX "FeatureGroup_materializedView_idx" ON "FeatureGroup"("materializedView");

-- CreateIndex
CREATE UNIQUE INDEX "Feature_groupId_name_key" ON "Feature"("groupId", "name");

-- CreateIndex
CREATE INDEX "AuditEvent_groupName_createdAt_idx" ON "AuditEvent"("groupName", "createdAt");

-- AddForeignKey
ALTER TABLE "FeatureGroup" ADD CONSTRAINT "FeatureGroup_entityId_fkey" FOREIGN KEY ("entityId") REFERENCES "Entity"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feature" ADD CONSTRAINT "Feature_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "FeatureGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;
