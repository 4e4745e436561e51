import type { components } from "@/types/api";

/** The reminders API's shapes, from the generated OpenAPI types. */
type Schemas = components["schemas"];

/** Monday = 0 … Sunday = 6 (Python's `date.weekday()`), unlike the habit's ISO weekdays. */
export type ReminderWeekday = number;

export type ReminderChannel = Schemas["ChannelEnum"];

/** `PUT /api/habits/{id}/reminder/`, every field given: `weekdays` null means "the habit's scheduled days". */
export type ReminderInput = Required<Schemas["ReminderInputRequest"]>;

/** What the habit list and detail carry as `reminder`. */
export type ReminderSummary = Schemas["ReminderSummaryOutput"];

/** `GET`/`PUT /api/habits/{id}/reminder/`: with the next delivery, an instant in UTC (or null). */
export type Reminder = Schemas["ReminderOutput"];

/** `GET /api/push/key/`: the VAPID application server key (base64url), null when push is off. */
export type PushKey = Schemas["PushKeyOutput"];

/** `GET`/`POST /api/push/subscriptions/`. */
export type PushSubscriptionRecord = Schemas["PushSubscriptionOutput"];
