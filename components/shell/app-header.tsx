import Link from "next/link";
import { MainNav } from "./main-nav";
import { ThemeToggle } from "./theme-toggle";
import { UserMenu } from "./user-menu";

export function AppHeader() {
  return (
    <header className="sticky top-0 z-10 border-b border-slate-200 bg-white/90 backdrop-blur dark:border-slate-800 dark:bg-slate-950/90">
      <div className="relative mx-auto flex h-14 max-w-7xl items-center gap-4 px-4">
        <Link href="/" className="flex items-center gap-2 font-semibold text-slate-900 dark:text-white">
          <span aria-hidden="true" className="grid h-7 w-7 place-items-center rounded-md bg-tide-600 text-sm text-white">
            ≋
          </span>
          Tideline
        </Link>
        <MainNav />
        <div className="ml-auto flex items-center gap-3 md:ml-0">
          <UserMenu />
          <ThemeToggle />
        </div>
      </div>
    </header>
  );
}
