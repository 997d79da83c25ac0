/** The app's top-level sections, in menu order. */
export const NAV_ITEMS = [
  { href: "/", label: "Overview" },
  { href: "/groups", label: "Feature groups" },
  { href: "/freshness", label: "Freshness" },
  { href: "/lineage", label: "Lineage" },
  { href: "/lookup", label: "Lookup" },
  { href: "/redis", label: "Redis" },
  { href: "/cost", label: "Cost" },
] as const;

export function isActive(href: string, pathname: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}
