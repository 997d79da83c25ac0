"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { NAV_ITEMS, isActive } from "./nav-items";

const linkClass = (active: boolean) =>
  `block rounded-md px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-tide-500 ${
    active
      ? "bg-tide-50 text-tide-700 dark:bg-tide-900 dark:text-tide-100"
      : "text-slate-600 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white"
  }`;

/** Horizontal links on wide screens, a disclosure menu on phones. */
export function MainNav() {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  // Escape closes the phone menu and gives focus back to its button.
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      toggle.current?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);
  const links = NAV_ITEMS.map((item) => {
    const active = isActive(item.href, pathname);
    return (
      <li key={item.href}>
        <Link href={item.href} className={linkClass(active)} aria-current={active ? "page" : undefined} onClick={() => setOpen(false)}>
          {item.label}
        </Link>
      </li>
    );
  });

  return (
    <nav aria-label="Main" className="md:flex-1">
      <ul className="hidden items-center gap-1 md:flex">{links}</ul>
      <button
        ref={toggle}
        type="button"
        className="rounded-md border border-slate-300 px-2.5 py-1.5 text-sm text-slate-700 md:hidden dark:border-slate-600 dark:text-slate-200"
        aria-expanded={open}
        aria-controls="mobile-nav"
        onClick={() => setOpen((value) => !value)}
      >
        Menu
      </button>
      {open ? (
        <ul
          id="mobile-nav"
          className="absolute inset-x-0 top-14 z-20 border-b border-slate-200 bg-white p-2 shadow-md md:hidden dark:border-slate-700 dark:bg-slate-900"
        >
          {links}
        </ul>
      ) : null}
    </nav>
  );
}
