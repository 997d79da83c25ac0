import type { MetadataRoute } from "next";

/** The web app manifest: Tideline installs as an app on a phone's home screen for on-call. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Tideline",
    short_name: "Tideline",
    description: "Feature registry and freshness observability for RisingWave feature stores",
    start_url: "/",
    display: "standalone",
    background_color: "#f8fafc",
    theme_color: "#0d8780",
    icons: [
      { src: "/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icon-512.png", sizes: "512x512", type: "image/png" },
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
    ],
  };
}
