import type { components } from "@/types/api";
import type { Session } from "@/lib/api-client";
import type { User } from "@/lib/auth";
import type { Entry, Habit, HabitGroup, HabitStats } from "@/features/habits/types";

export const TODAY = "2026-03-18";

export function buildUser(overrides: Partial<User> = {}): User {
  return {
    id: 1,
    email: "ada@example.com",
    time_zone: "Europe/Berlin",
    day_start_hour: 0,
    today: TODAY,
    language: "en",
    ...overrides,
  };
}

/** The body of `GET /api/auth/csrf/`: signed in (as `buildUser()`) unless told otherwise. */
export function buildSession(overrides: Partial<Session> = {}): Session {
  const authenticated = overrides.authenticated ?? true;
  return { authenticated, user: authenticated ? buildUser() : null, ...overrides };
}

let nextHabitId = 100;

export function buildHabit(overrides: Partial<Habit> = {}): Habit {
  const id = overrides.id ?? nextHabitId++;
  return {
    id,
    name: `Habit ${id}`,
    description: "",
    question: "",
    color: "#2f7d5b",
    kind: "boolean",
    unit: "",
    target_value: null,
    target_type: "at_least",
    frequency: { times: 1, days: 1 },
    weekdays: [],
    period: "rolling",
    archived: false,
    position: 0,
    group: null,
    created_at: "2026-01-01T08:00:00Z",
    today_entry: null,
    scheduled_today: true,
    current_streak: 0,
    score: 0,
    reminder: null,
    ...overrides,
  };
}

let nextGroupId = 500;

export function buildGroup(overrides: Partial<HabitGroup> = {}): HabitGroup {
  const id = overrides.id ?? nextGroupId++;
  return {
    id,
    name: `Group ${id}`,
    position: 0,
    collapsed: false,
    habits: 0,
    due_today: 0,
    done_today: 0,
    ...overrides,
  };
}

export function buildEntry(overrides: Partial<Entry> = {}): Entry {
  return { date: TODAY, status: "done", value: null, note: "", ...overrides };
}

export function buildStats(overrides: Partial<HabitStats> = {}): HabitStats {
  return {
    current_streak: 3,
    best_streak: 9,
    score: 0.42,
    score_history: [
      { date: "2026-03-16", score: 0.3 },
      { date: "2026-03-17", score: 0.36 },
      { date: TODAY, score: 0.42 },
    ],
    completion: {
      week: [{ start: "2026-03-16", end: "2026-03-22", done: 3, scheduled: 7, rate: 3 / 7 }],
      month: [{ start: "2026-03-01", end: "2026-03-31", done: 12, scheduled: 31, rate: 12 / 31 }],
      year: [{ start: "2026-01-01", end: "2026-12-31", done: 50, scheduled: 365, rate: 50 / 365 }],
    },
    total_done: 50,
    first_entry: "2026-03-16",
    ...overrides,
  };
}

type ImportJobCreated = components["schemas"]["ImportJobCreatedOutput"];

/** An import job as the API renders it; waiting for its file (with where to upload it) unless told otherwise. */
export function buildImportJob(overrides: Partial<ImportJobCreated> = {}): ImportJobCreated {
  return {
    id: "job-1",
    kind: "loop",
    state: "waiting_upload",
    size: 11,
    progress: { stage: null, done: 0, total: 0 },
    message: "",
    result: null,
    created_at: "2026-03-18T09:00:00Z",
    finished_at: null,
    upload: { url: "/api/import/jobs/job-1/file/", form_fields: {}, direct: false },
    ...overrides,
  };
}
