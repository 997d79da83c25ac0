-- Serving processes hold group definitions and API-token hashes in memory. Every write that changes
-- them, whatever path made it (the app, the CLI, psql), tells them at once: NOTIFY tideline_registry
-- with the table's name as payload (lib/registry/notifications.ts listens).
-- Prisma's migration runner splits a script at every semicolon, dollar quotes included, so the
-- function body is an escaped string: \073 is the semicolon.
CREATE OR REPLACE FUNCTION tideline_notify_registry() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN PERFORM pg_notify(''tideline_registry'', TG_TABLE_NAME)\073 RETURN NULL\073 END';

CREATE TRIGGER "FeatureGroup_notify" AFTER INSERT OR UPDATE OR DELETE ON "FeatureGroup"
  FOR EACH STATEMENT EXECUTE FUNCTION tideline_notify_registry();
CREATE TRIGGER "Feature_notify" AFTER INSERT OR UPDATE OR DELETE ON "Feature"
  FOR EACH STATEMENT EXECUTE FUNCTION tideline_notify_registry();
CREATE TRIGGER "Entity_notify" AFTER INSERT OR UPDATE OR DELETE ON "Entity"
  FOR EACH STATEMENT EXECUTE FUNCTION tideline_notify_registry();
-- Not lastUsedAt: a token's use must not wake every serving process.
CREATE TRIGGER "ApiToken_notify" AFTER INSERT OR DELETE OR UPDATE OF "revokedAt", "scope", "tokenHash" ON "ApiToken"
  FOR EACH STATEMENT EXECUTE FUNCTION tideline_notify_registry();
CREATE TRIGGER "User_notify" AFTER DELETE OR UPDATE OF "active", "role" ON "User"
  FOR EACH STATEMENT EXECUTE FUNCTION tideline_notify_registry();
