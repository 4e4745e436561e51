/** A span of the user's calendar days, both ends included (`YYYY-MM-DD`). */
export interface DateRange {
  start: string;
  end: string;
}

/**
 * Every query key of the habits feature, and the only place they are built (TkDodo's "Effective
 * React Query Keys"). Each key extends the one above it, so invalidating `all` refreshes lists,
 * details, entries and stats, and `entriesOf(id)` reaches one habit's entries in every range.
 */
export const habitKeys = {
  all: ["habits"] as const,
  lists: () => [...habitKeys.all, "list"] as const,
  list: (archived: boolean) => [...habitKeys.lists(), { archived }] as const,
  details: () => [...habitKeys.all, "detail"] as const,
  detail: (id: number) => [...habitKeys.details(), id] as const,
  entriesOf: (id: number) => [...habitKeys.all, "entries", id] as const,
  entries: (id: number, range: DateRange) =>
    [...habitKeys.entriesOf(id), { start: range.start, end: range.end }] as const,
  /** The groups: under `all`, so a check-in's refresh of everything reaches their completion too. */
  groups: () => [...habitKeys.all, "groups"] as const,
  stats: (id: number, range: DateRange) =>
    [...habitKeys.all, "stats", id, { start: range.start, end: range.end }] as const,
};
