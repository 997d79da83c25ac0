-- AlterTable
ALTER TABLE "Incident" ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'breach',
ADD COLUMN     "cause" TEXT;
