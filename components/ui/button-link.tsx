import Link from "next/link";
import type { ReactNode } from "react";

const STYLES = {
  primary: "bg-tide-700 text-white hover:bg-tide-900",
  secondary: "border border-slate-300 text-slate-700 hover:bg-slate-100 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800",
  /** What deletes: red, outlined where it opens a confirmation, solid where it confirms. */
  danger: "border border-red-300 text-red-700 hover:bg-red-50 dark:border-red-800 dark:text-red-400 dark:hover:bg-red-950",
  dangerConfirm: "bg-red-700 text-white hover:bg-red-800",
} as const;

export const buttonClass = (variant: keyof typeof STYLES = "secondary") =>
  `inline-flex items-center gap-1 rounded-md px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-tide-500 disabled:cursor-not-allowed disabled:opacity-50 ${STYLES[variant]}`;

export function ButtonLink({
  href,
  children,
  variant = "secondary",
  download,
}: {
  href: string;
  children: ReactNode;
  variant?: keyof typeof STYLES;
  download?: boolean;
}) {
  return (
    <Link href={href} className={buttonClass(variant)} prefetch={download ? false : undefined} {...(download ? { download: true } : {})}>
      {children}
    </Link>
  );
}
