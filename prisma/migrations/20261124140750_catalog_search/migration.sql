-- AlterTable
ALTER TABLE "FeatureGroup" ADD COLUMN     "searchDocument" tsvector;

-- CreateIndex
CREATE INDEX "FeatureGroup_searchDocument_idx" ON "FeatureGroup" USING GIN ("searchDocument");

-- The search document covers a group and its features: names weigh most, then tags, then
-- descriptions. Triggers keep it current, so every write path (app, CLI, SQL) is covered.
-- Prisma's migration runner splits scripts on semicolons, so the trigger bodies below spell
-- them as \073 inside E'' strings, and the document itself is a one-statement SQL function.
CREATE FUNCTION feature_group_document(group_id text, group_name text, tags text[], description text, owner text, team text, mv text)
RETURNS tsvector LANGUAGE sql STABLE AS $$
  SELECT
    setweight(to_tsvector('simple', group_name), 'A') ||
    setweight(to_tsvector('simple', array_to_string(tags, ' ')), 'B') ||
    setweight(to_tsvector('simple', coalesce((SELECT string_agg(f."name", ' ') FROM "Feature" AS f WHERE f."groupId" = group_id), '')), 'B') ||
    setweight(to_tsvector('english', description), 'C') ||
    setweight(to_tsvector('simple', owner || ' ' || coalesce(team, '') || ' ' || mv), 'C') ||
    setweight(to_tsvector('english', coalesce((SELECT string_agg(f."description", ' ') FROM "Feature" AS f WHERE f."groupId" = group_id), '')), 'D')
$$;

CREATE FUNCTION feature_group_search_document() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  NEW."searchDocument" := feature_group_document(NEW."id", NEW."name", NEW."tags", NEW."description", NEW."owner", NEW."team", NEW."materializedView")\073
  RETURN NEW\073
END';

CREATE TRIGGER feature_group_search BEFORE INSERT OR UPDATE ON "FeatureGroup"
  FOR EACH ROW EXECUTE FUNCTION feature_group_search_document();

-- A feature written or removed touches its group, whose BEFORE trigger recomputes the document.
CREATE FUNCTION feature_touch_group() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  UPDATE "FeatureGroup" SET "searchDocument" = NULL WHERE "id" IN (NEW."groupId", OLD."groupId")\073
  RETURN NULL\073
END';

CREATE TRIGGER feature_search AFTER INSERT OR UPDATE OR DELETE ON "Feature"
  FOR EACH ROW EXECUTE FUNCTION feature_touch_group();

-- Documents of the groups that existed before this migration.
UPDATE "FeatureGroup" SET "searchDocument" = NULL;
