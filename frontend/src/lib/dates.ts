/**
 * Calendar-date arithmetic on `YYYY-MM-DD` strings. Everything works in UTC on purpose: the dates
 * are the user's local dates as the server reports them, so no time zone or DST may shift them.
 */
import { i18n } from "@lingui/core";

export function parseDate(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

export function formatIso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  const date = parseDate(iso);
  date.setUTCDate(date.getUTCDate() + days);
  return formatIso(date);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(iso: string): number {
  const day = parseDate(iso).getUTCDay();
  return day === 0 ? 7 : day;
}

export function daysBetween(start: string, end: string): number {
  return Math.round((parseDate(end).getTime() - parseDate(start).getTime()) / 86_400_000);
}

/**
 * Intl formatters made once per language and options: making one costs far more than using it,
 * and rows, charts and schedules format on every render. A handful of option sets exist, so the
 * cache stays small.
 */
const formats = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cachedFormat<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  const fullKey = `${i18n.locale}|${key}`;
  let format = formats.get(fullKey) as T | undefined;
  if (format === undefined) {
    format = make();
    formats.set(fullKey, format);
  }
  return format;
}

/** A date formatter in the SPA's language (dates read as the rest of the page). */
function formatter(options: Intl.DateTimeFormatOptions): (iso: string) => string {
  const key = `date:${JSON.stringify(options)}`;
  return (iso) =>
    cachedFormat(key, () => new Intl.DateTimeFormat(i18n.locale, { ...options, timeZone: "UTC" })).format(
      parseDate(iso),
    );
}

/** A weekday's name in the SPA's language (ISO weekday: 1 = Monday … 7 = Sunday); 2024-01-01 was a Monday. */
export function weekdayName(isoWeekday: number, width: "long" | "short" | "narrow" = "long"): string {
  return cachedFormat(
    `weekday:${width}`,
    () => new Intl.DateTimeFormat(i18n.locale, { weekday: width, timeZone: "UTC" }),
  ).format(parseDate(`2024-01-0${isoWeekday}`));
}

/** A number in the SPA's language (decimal separator, grouping). */
export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return cachedFormat(
    `number:${JSON.stringify(options ?? {})}`,
    () => new Intl.NumberFormat(i18n.locale, options),
  ).format(value);
}

export const formatLong = formatter({ weekday: "long", day: "numeric", month: "long", year: "numeric" });
export const formatShort = formatter({ day: "numeric", month: "short" });
export const formatShortWithYear = formatter({ day: "numeric", month: "short", year: "numeric" });
export const formatMonth = formatter({ month: "short" });

/** The ISO weekdays in order, Monday first; their names come from `weekdayName`. */
export const ISO_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** The calendar date (`YYYY-MM-DD`) in `zone` at `instant`, for a day that starts at `dayStartHour`. */
export function zonedDay(instant: number, zone: string, dayStartHour: number): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(instant - dayStartHour * 3_600_000),
  );
}

/**
 * The user's today, from the server's answer at `fetchedAt` moved on by the days that have passed
 * in the user's zone since: a saved answer read the next morning (or offline past midnight) must
 * not date check-ins yesterday. Only the clock's difference is used, so a wrong device clock or
 * zone does not move the day; the server's next answer replaces the estimate.
 */
export function currentDay(
  serverToday: string,
  fetchedAt: number,
  now: number,
  zone: string,
  dayStartHour: number,
): string {
  try {
    const passed = daysBetween(zonedDay(fetchedAt, zone, dayStartHour), zonedDay(now, zone, dayStartHour));
    return passed > 0 ? addDays(serverToday, passed) : serverToday;
  } catch {
    return serverToday;
  }
}

/** "Monday 1 December": a day near today, without the year. */
export const formatWeekdayDay = formatter({ weekday: "long", day: "numeric", month: "long" });
export const formatWeekdayShort = formatter({ weekday: "short" });

/** "today", "yesterday", or the day's name and date. */
export function dayName(iso: string, today: string): string {
  if (iso === today) return "today";
  if (iso === addDays(today, -1)) return "yesterday";
  return formatWeekdayDay(iso);
}
