/**
 * The reminders API's shapes, typed by hand from the contract of issue 19 until the generated
 * `types/api.ts` includes them; then each becomes an alias of `components["schemas"][...]`.
 */

/** Monday = 0 … Sunday = 6 (Python's `date.weekday()`), unlike the habit's ISO weekdays. */
export type ReminderWeekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export type ReminderChannel = "push" | "email";

/** `PUT /api/habits/{id}/reminder/`: `weekdays` null means "the habit's scheduled days". */
export interface ReminderInput {
  time: string;
  weekdays: ReminderWeekday[] | null;
  channel: ReminderChannel;
}

/** What the habit list and detail carry as `reminder`. */
export type ReminderSummary = ReminderInput;

/** `GET`/`PUT /api/habits/{id}/reminder/`: with the next delivery, an instant in UTC (or null). */
export interface Reminder extends ReminderInput {
  next: string | null;
}

/** `GET /api/push/key/`: the VAPID application server key (base64url), null when push is off. */
export interface PushKey {
  public_key: string | null;
}

/** `GET`/`POST /api/push/subscriptions/`. */
export interface PushSubscriptionRecord {
  id: number;
  endpoint: string;
  created: string;
}
