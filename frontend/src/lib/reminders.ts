/**
 * A reminder's push message, and the check-in a person makes from its notification: what the
 * service worker reads and sends, and the durable queue of those check-ins (IndexedDB) for when the
 * network is away. Shared by the service worker and the page, so it uses only what both have.
 *
 * The check-in needs no session and no CSRF token: the message's signed token is the capability
 * (`POST /api/reminders/act/`, valid 36 hours, idempotent). A check-in that cannot reach the server
 * waits here and is sent again by the worker (Background Sync, the next push) or the page (when it
 * opens, when the network returns); the newest action for one reminder replaces an older one.
 */

import type { components } from "@/types/api";

export type ReminderAction = components["schemas"]["ActionEnum"];

/** The JSON a reminder push carries (docs/ARCHITECTURE.md, "Reminders"). */
export interface ReminderMessage {
  type: "reminder";
  title: string;
  body: string;
  tag: string;
  url: string;
  habit: number;
  date: string;
  kind: "boolean" | "numeric";
  actions: ReminderAction[];
  token: string;
  /** The buttons' titles in the user's language, as the server wrote them; absent: English. */
  action_titles?: Partial<Record<ReminderAction, string>>;
}

export type ReminderActionResult = components["schemas"]["ReminderActOutput"];

export const ACT_PATH = "/api/reminders/act/";
/** What the server accepts: a token lives 36 hours; an older queued check-in is dropped unsent. */
export const TOKEN_LIFETIME_MS = 36 * 60 * 60 * 1000;
/** The queue's bound: a device offline for days does not grow it without end. */
export const QUEUE_LIMIT = 50;
const MAX_TEXT = 1000;

const ACTIONS: readonly ReminderAction[] = ["done", "skip"];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function text(value: unknown, max = MAX_TEXT): value is string {
  return typeof value === "string" && value.length > 0 && value.length <= max;
}

/** The message if `raw` is a well-formed reminder, else null (a push of another kind, or garbage). */
export function parseReminderMessage(raw: unknown): ReminderMessage | null {
  let value: unknown = raw;
  if (typeof raw === "string") {
    try {
      value = JSON.parse(raw);
    } catch {
      return null;
    }
  }
  if (!value || typeof value !== "object") return null;
  const message = value as Record<string, unknown>;
  const { type, title, body, tag, url, habit, date, kind, actions, token, action_titles: titles } = message;
  if (type !== "reminder" || !text(title) || typeof body !== "string" || body.length > MAX_TEXT) return null;
  if (!text(tag, 200) || !text(token, 2000) || !(typeof habit === "number" && Number.isInteger(habit) && habit > 0))
    return null;
  if (typeof date !== "string" || !DAY.test(date) || (kind !== "boolean" && kind !== "numeric")) return null;
  // Only a path of this site is opened from a notification, never another origin.
  if (typeof url !== "string" || !url.startsWith("/") || url.startsWith("//")) return null;
  const offered = Array.isArray(actions)
    ? actions.filter((action): action is ReminderAction => ACTIONS.includes(action))
    : [];
  // A measurable habit needs an amount, which a notification cannot ask for: "skip" at most.
  const allowed = kind === "numeric" ? offered.filter((action) => action === "skip") : offered;
  const parsed: ReminderMessage = {
    type,
    title,
    body,
    tag,
    url,
    habit,
    date,
    kind,
    actions: [...new Set(allowed)],
    token,
  };
  const actionTitles = parseActionTitles(titles);
  if (actionTitles) parsed.action_titles = actionTitles;
  return parsed;
}

/** The translated button titles a message may carry: a short text per known action, the rest dropped. */
function parseActionTitles(raw: unknown): Partial<Record<ReminderAction, string>> | null {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return null;
  const titles: Partial<Record<ReminderAction, string>> = {};
  for (const action of ACTIONS) {
    const title = (raw as Record<string, unknown>)[action];
    if (text(title, 60)) titles[action] = title;
  }
  return Object.keys(titles).length ? titles : null;
}

export class ReminderActionError extends Error {
  /** 0 when the server could not be reached. */
  readonly status: number;

  constructor(message: string, status: number) {
    super(message);
    this.name = "ReminderActionError";
    this.status = status;
  }
}

/** Whether sending again later may succeed (no network, the server busy or down). */
export function worthRetrying(error: unknown): boolean {
  return !(error instanceof ReminderActionError) || error.status === 0 || error.status === 429 || error.status >= 500;
}

/** `POST /api/reminders/act/`: the check-in, with the token as its only credential. */
export async function sendReminderAction(token: string, action: ReminderAction): Promise<ReminderActionResult> {
  let response: Response;
  try {
    response = await fetch(new URL(ACT_PATH, location.origin), {
      method: "POST",
      credentials: "omit",
      headers: { Accept: "application/json", "Content-Type": "application/json" },
      body: JSON.stringify({ token, action }),
    });
  } catch {
    throw new ReminderActionError("Can't reach the server.", 0);
  }
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const detail = (payload as { detail?: unknown } | null)?.detail;
    throw new ReminderActionError(
      typeof detail === "string" ? detail : `The server answered ${response.status}.`,
      response.status,
    );
  }
  return payload as ReminderActionResult;
}

export interface QueuedReminderAction {
  /** The reminder's tag: one habit's day. A newer action for it replaces the waiting one. */
  tag: string;
  token: string;
  action: ReminderAction;
  queuedAt: number;
}

const DB_NAME = "habits-reminders";
const DB_VERSION = 1;
const STORE = "actions";

function openDatabase(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      request.result.createObjectStore(STORE, { keyPath: "tag" });
    };
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = () => reject(request.error ?? new Error("IndexedDB could not be opened"));
  });
}

async function transact<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => T): Promise<T> {
  const db = await openDatabase();
  try {
    return await new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(STORE, mode);
      const result = work(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(result);
      transaction.onerror = () => reject(transaction.error ?? new Error("IndexedDB transaction failed"));
      transaction.onabort = () => reject(transaction.error ?? new Error("IndexedDB transaction aborted"));
    });
  } finally {
    db.close();
  }
}

/** Every waiting check-in, oldest first. */
export async function readQueuedActions(): Promise<QueuedReminderAction[]> {
  const request = await transact("readonly", (store) => store.getAll());
  return (request.result as QueuedReminderAction[]).sort((a, b) => a.queuedAt - b.queuedAt);
}

/** Keeps a check-in to send later, in place of any waiting one for the same reminder. */
export async function queueReminderAction(item: Omit<QueuedReminderAction, "queuedAt">): Promise<void> {
  const waiting = await readQueuedActions();
  const others = waiting.filter((queued) => queued.tag !== item.tag);
  const overflow = others.slice(0, Math.max(0, others.length - (QUEUE_LIMIT - 1)));
  await transact("readwrite", (store) => {
    for (const old of overflow) store.delete(old.tag);
    store.put({ ...item, queuedAt: Date.now() } satisfies QueuedReminderAction);
  });
}

async function dropQueued(tag: string): Promise<void> {
  await transact("readwrite", (store) => store.delete(tag));
}

/**
 * Sends the waiting check-ins, oldest first. One the server accepted or refused for good (expired,
 * habit gone) leaves the queue; the first that cannot get through stops the replay and waits.
 * Resolves with what was recorded; rejects when the network is still away (a sync retries).
 */
export async function replayReminderActions(now = Date.now()): Promise<ReminderActionResult[]> {
  const recorded: ReminderActionResult[] = [];
  for (const item of await readQueuedActions()) {
    if (now - item.queuedAt > TOKEN_LIFETIME_MS) {
      await dropQueued(item.tag);
      continue;
    }
    try {
      recorded.push(await sendReminderAction(item.token, item.action));
    } catch (error) {
      if (worthRetrying(error)) throw error;
    }
    await dropQueued(item.tag);
  }
  return recorded;
}
