/** The demo users seeded by prisma/seed.ts, and where the signed-in admin's browser state is kept. */
export const ADMIN = { email: "admin@example.com", password: "tideline-admin" };
export const ML_OWNER = { email: "ml-platform@example.com", password: "tideline-ml" };
export const ADMIN_STATE = "test-results/.auth/admin.json";
export const RECSYS_OWNER = { email: "recsys@example.com", password: "tideline-recsys" };
