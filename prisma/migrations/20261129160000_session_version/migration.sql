-- A session is valid only for an active user whose session version it carries: changing the
-- password or deactivating the user bumps the version and ends every existing session.
ALTER TABLE "User" ADD COLUMN "active" BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE "User" ADD COLUMN "sessionVersion" INTEGER NOT NULL DEFAULT 0;
