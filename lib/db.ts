import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "./env";
import { pgConfigFromUrl } from "./pg-config";

const cache = globalThis as unknown as { prisma?: PrismaClient };

/** The registry's Prisma client, created on first use and kept across dev reloads. */
export function getPrisma(): PrismaClient {
  cache.prisma ??= new PrismaClient({
    adapter: new PrismaPg({
      ...pgConfigFromUrl(env.DATABASE_URL),
      max: 8,
      connectionTimeoutMillis: 3_000,
      application_name: "tideline-registry",
    }),
  });
  return cache.prisma;
}
