-- A group's other versions (blue-green): MV names beside the serving materializedView.
ALTER TABLE "FeatureGroup" ADD COLUMN "versionViews" TEXT[] DEFAULT ARRAY[]::TEXT[];
