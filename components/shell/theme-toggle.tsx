"use client";

import { useEffect, useSyncExternalStore } from "react";
import { THEME_CHOICES, THEME_STORAGE_KEY, isThemeChoice, resolveDark, type ThemeChoice } from "@/lib/theme";

const LABELS: Record<ThemeChoice, string> = { system: "System", light: "Light", dark: "Dark" };
const ICONS: Record<ThemeChoice, string> = { system: "◐", light: "☀", dark: "☾" };

// The boot script in <head> records the choice on <html data-theme>; that attribute is the store.
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const readChoice = (): ThemeChoice => {
  const value = document.documentElement.dataset.theme;
  return isThemeChoice(value) ? value : "system";
};

function applyTheme(choice: ThemeChoice) {
  const systemDark = window.matchMedia("(prefers-color-scheme: dark)").matches;
  document.documentElement.classList.toggle("dark", resolveDark(choice, systemDark));
  document.documentElement.dataset.theme = choice;
  listeners.forEach((listener) => listener());
}

/** Cycles System → Light → Dark; "System" keeps following the OS setting live. */
export function ThemeToggle() {
  const choice = useSyncExternalStore(subscribe, readChoice, () => "system" as const);

  useEffect(() => {
    if (choice !== "system") return;
    const media = window.matchMedia("(prefers-color-scheme: dark)");
    const follow = () => applyTheme("system");
    media.addEventListener("change", follow);
    return () => media.removeEventListener("change", follow);
  }, [choice]);

  const next = THEME_CHOICES[(THEME_CHOICES.indexOf(choice) + 1) % THEME_CHOICES.length] ?? "system";

  return (
    <button
      type="button"
      onClick={() => {
        localStorage.setItem(THEME_STORAGE_KEY, next);
        applyTheme(next);
      }}
      className="inline-flex items-center gap-1.5 rounded-md border border-slate-300 px-2.5 py-1.5 text-sm text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-tide-500 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800"
      aria-label={`Theme: ${LABELS[choice]}. Switch to ${LABELS[next]}`}
      title={`Theme: ${LABELS[choice]} (click for ${LABELS[next]})`}
    >
      <span aria-hidden="true">{ICONS[choice]}</span>
      <span className="hidden sm:inline">{LABELS[choice]}</span>
    </button>
  );
}
