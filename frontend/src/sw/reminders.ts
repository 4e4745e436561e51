/**
 * The service worker's reminders: a push shows the reminder, its "Done" and "Skip" buttons check in
 * without opening the app, a click on the body opens the habit. The handlers take the worker's
 * pieces as arguments (`ReminderWorker`), so tests run them with a registration and clients of
 * their own; service-worker.ts wires them to the events.
 */
import {
  parseReminderMessage,
  queueReminderAction,
  replayReminderActions,
  sendReminderAction,
  worthRetrying,
  type ReminderAction,
  type ReminderMessage,
} from "@/lib/reminders";

/** What showNotification takes in a service worker (TypeScript's lib lacks `actions`). */
export interface ReminderNotificationOptions extends NotificationOptions {
  actions: { action: ReminderAction; title: string }[];
  data: ReminderMessage;
  timestamp: number;
}

export interface ReminderNotification {
  readonly data: unknown;
  close(): void;
}

export interface WindowLike {
  readonly url: string;
  focus(): Promise<unknown>;
  navigate?(url: string): Promise<unknown>;
  postMessage(message: unknown): void;
}

export interface ReminderWorker {
  origin: string;
  registration: {
    showNotification(title: string, options: NotificationOptions): Promise<void>;
    readonly sync?: { register(tag: string): Promise<void> };
  };
  clients: {
    matchAll(options: { type: "window"; includeUncontrolled: boolean }): Promise<readonly WindowLike[]>;
    openWindow(url: string): Promise<unknown>;
  };
}

/** The Background Sync tag that replays queued check-ins. */
export const REMINDER_SYNC_TAG = "reminder-actions";

/** The buttons' titles when the message brings none in the user's language (the SW has no catalogs). */
const ACTION_TITLES: Record<ReminderAction, string> = { done: "Done", skip: "Skip" };
const ICON = "/icon-192.png";

/** Shows a reminder push; any other push (or a malformed one) is ignored. Returns what it showed. */
export async function showReminder(worker: ReminderWorker, payload: unknown): Promise<ReminderMessage | null> {
  const message = parseReminderMessage(payload);
  if (!message) return null;
  const options: ReminderNotificationOptions = {
    body: message.body,
    tag: message.tag,
    data: message,
    icon: ICON,
    badge: ICON,
    timestamp: Date.now(),
    actions: message.actions.map((action) => ({
      action,
      title: message.action_titles?.[action] ?? ACTION_TITLES[action],
    })),
  };
  await worker.registration.showNotification(message.title, options);
  // The worker is awake and a push got through: a good moment for check-ins left from offline.
  await replayReminderActions().catch(() => undefined);
  return message;
}

/** Tells the open pages that a habit's day changed, so they show it without a reload. */
async function announce(worker: ReminderWorker, message: ReminderMessage): Promise<void> {
  const windows = await worker.clients.matchAll({ type: "window", includeUncontrolled: true });
  for (const client of windows)
    client.postMessage({ type: "reminder-acted", habit: message.habit, date: message.date });
}

/** Focuses a window of the app on the habit, or opens one. */
async function openHabit(worker: ReminderWorker, path: string): Promise<void> {
  const target = new URL(path, worker.origin).href;
  const windows = await worker.clients.matchAll({ type: "window", includeUncontrolled: true });
  const open = windows.find((client) => new URL(client.url).origin === worker.origin);
  if (!open) {
    await worker.clients.openWindow(target);
    return;
  }
  await open.focus();
  if (open.url !== target) await open.navigate?.(target);
}

/**
 * A click on a reminder. "done"/"skip" check in with the message's token and close the
 * notification; without a network the check-in is kept and sent later. Any other click (the body,
 * or a button the habit does not offer) opens the habit.
 */
export async function handleReminderClick(
  worker: ReminderWorker,
  notification: ReminderNotification,
  action: string,
): Promise<"sent" | "queued" | "refused" | "opened" | "ignored"> {
  const message = parseReminderMessage(notification.data);
  notification.close();
  if (!message) return "ignored";
  const chosen = message.actions.find((offered) => offered === action);
  if (!chosen) {
    await openHabit(worker, message.url);
    return "opened";
  }
  try {
    await sendReminderAction(message.token, chosen);
  } catch (error) {
    if (!worthRetrying(error)) {
      // Expired or the habit is gone: the app is where the person can still record the day.
      await openHabit(worker, message.url);
      return "refused";
    }
    await queueReminderAction({ tag: message.tag, token: message.token, action: chosen });
    await worker.registration.sync?.register(REMINDER_SYNC_TAG).catch(() => undefined);
    return "queued";
  }
  await announce(worker, message);
  return "sent";
}

export interface PushSubscriptionLike {
  toJSON(): PushSubscriptionJSON;
}

export interface SubscriptionChange {
  oldSubscription?: { options?: { applicationServerKey?: ArrayBuffer | null } } | null;
  newSubscription?: PushSubscriptionLike | null;
}

interface PushManagerLike {
  subscribe(options: {
    userVisibleOnly: boolean;
    applicationServerKey: BufferSource | string;
  }): Promise<PushSubscriptionLike>;
}

/**
 * The push service replaced (or dropped) this device's subscription: subscribe again if the
 * browser has not, with the same key (or the server's current one), and tell the server. Needs the
 * user's session and its CSRF cookie, as the app's own subscribing does.
 */
export async function handleSubscriptionChange(
  change: SubscriptionChange,
  pushManager: PushManagerLike,
  csrfToken: () => Promise<string | undefined>,
): Promise<"saved" | "no-key" | "signed-out"> {
  let subscription = change.newSubscription ?? null;
  if (!subscription) {
    let key: BufferSource | string | null | undefined = change.oldSubscription?.options?.applicationServerKey;
    if (!key) {
      const response = await fetch(new URL("/api/push/key/", location.origin), {
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      });
      key = response.ok ? ((await response.json()) as { public_key: string | null }).public_key : null;
    }
    if (!key) return "no-key";
    subscription = await pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
  }
  const token = await csrfToken();
  if (!token) return "signed-out";
  const response = await fetch(new URL("/api/push/subscriptions/", location.origin), {
    method: "POST",
    credentials: "same-origin",
    headers: { Accept: "application/json", "Content-Type": "application/json", "X-CSRFToken": token },
    body: JSON.stringify(subscription.toJSON()),
  });
  // A failure rejects: the browser logs it, and the next visit to Settings subscribes again.
  if (!response.ok) throw new Error(`Saving the new push subscription answered ${response.status}.`);
  return "saved";
}
