import type { components } from "@/types/api";

type Schemas = components["schemas"];

/** The habits API's payloads under the names this feature uses; the shapes come from the generated schema types. */
export type Habit = Schemas["HabitOutput"];
export type Entry = Schemas["EntryOutput"];
export type EntryStatus = Schemas["EntryStatusEnum"];
export type HabitStats = Schemas["StatsOutput"];
export type CompletionBucket = Schemas["CompletionRowOutput"];
export type HabitGroup = Schemas["GroupOutput"];
