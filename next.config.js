/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native-ish server packages stay outside the bundle.
  serverExternalPackages: ["pg", "ioredis", "@prisma/adapter-pg"],
};

module.exports = nextConfig;
