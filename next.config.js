// Security headers on every response (docs/security.md). Next's App Router inlines its hydration
// scripts and React Flow / Recharts set inline styles, hence 'unsafe-inline' for scripts and styles;
// everything else is this origin only, and no page can be framed.
const oidcOrigin = (() => {
  try {
    return process.env.OIDC_ISSUER ? new URL(process.env.OIDC_ISSUER).origin : "";
  } catch {
    return "";
  }
})();

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  // Sign-in with OIDC posts to next-auth, which redirects to the issuer.
  `form-action 'self'${oidcOrigin ? ` ${oidcOrigin}` : ""}`,
  "frame-ancestors 'none'",
].join("; ");

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native-ish server packages stay outside the bundle.
  serverExternalPackages: ["pg", "ioredis", "@prisma/adapter-pg"],
  async headers() {
    return [
      // API answers are live data: never cached by a browser or a proxy (set once, for every route).
      { source: "/api/:path*", headers: [{ key: "Cache-Control", value: "no-store" }] },
      {
        source: "/:path*",
        headers: [
          { key: "Content-Security-Policy", value: CONTENT_SECURITY_POLICY },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
