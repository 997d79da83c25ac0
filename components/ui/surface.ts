// The surfaces every page repeats, written once: a card (a bordered panel) and error text.

/** A bordered panel; `padded: false` for one that holds a table edge to edge. */
export const cardClass = (padded = true) =>
  `rounded-lg border border-slate-200 bg-white ${padded ? "p-4 " : "overflow-x-auto "}dark:border-slate-800 dark:bg-slate-900`;

/** Red text for errors and failing states. */
export const errorTextClass = "text-red-700 dark:text-red-400";
