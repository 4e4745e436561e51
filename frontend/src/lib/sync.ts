import { i18n } from "@lingui/core";
import { useSyncExternalStore } from "react";
import { ApiError, api } from "./api-client";
import {
  addToOutbox,
  clearUserOutbox,
  drainOutbox,
  onOutboxChangedElsewhere,
  readOutbox,
  type OutboxChange,
  removeFromOutbox,
  type NewOutboxItem,
  type OutboxItem,
} from "./outbox";

/**
 * The page's side of the outbox (lib/outbox.ts): writes go there first, then to the server, so a
 * write made offline, or in a tab closed before the server answered, is sent later: when the
 * network returns, when the app next opens, or by the service worker (Background Sync).
 *
 * A write the server refuses is dropped and reported to `onWriteSettled` listeners; the feature
 * that made it puts its cache right and tells the user. Network failures, 5xx and 429 keep the
 * write and try again later; a 401 keeps it for when the user has signed in again.
 */

/** How a queued write ended for the caller that made it. */
export type WriteOutcome = "saved" | "queued";

export type WriteResult =
  | { item: OutboxItem; sent: unknown }
  | { item: OutboxItem; refused: ApiError }
  /** Sent by the service worker or another tab: the server took it (or that tab told its user why not). */
  | { item: OutboxItem; elsewhere: true };

type Waiter = { resolve: (outcome: WriteOutcome) => void; reject: (error: ApiError) => void };

const FIRST_RETRY_MS = 5_000;
const LAST_RETRY_MS = 60_000;
const SYNC_TAG = "outbox";

/** What IndexedDB holds, the writes on their way into it, and the two together (what screens show). */
let stored: readonly OutboxItem[] = [];
let provisional: readonly OutboxItem[] = [];
let items: readonly OutboxItem[] = [];
let userId: number | null = null;
let flushing: Promise<void> | null = null;
let again = false;
/** Whether the last drain stopped short (offline, server down, signed out) rather than emptied the outbox. */
let stopped = false;
let retryDelay = FIRST_RETRY_MS;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
const waiters = new Map<number, Waiter>();
/**
 * The writes this page settled itself (its listeners heard), until their removal's message comes
 * back to it: by id and time made, as a database made anew (site data cleared) numbers from 1 again.
 */
const settledHere = new Set<string>();
const settledKey = (item: OutboxItem) => `${item.id}@${item.createdAt}`;
const itemListeners = new Set<() => void>();
const resultListeners = new Set<(result: WriteResult) => void | Promise<void>>();

function publish(): void {
  items = [...stored, ...provisional];
  for (const listener of itemListeners) listener();
}

async function reload(): Promise<void> {
  try {
    stored = await readOutbox();
  } catch {
    stored = [];
  }
  publish();
}

/**
 * Reloads after the outbox changed in another tab or the service worker, and tells the listeners
 * of the signed-in user's writes that were sent there: this page's screens showed them from the
 * outbox, and its query cache may hold the day from before (the worker sends a closed app's outbox
 * when the network returns, often while the reopened app is fetching).
 */
async function reloadChangedElsewhere({ removed }: OutboxChange): Promise<void> {
  // Set.delete: true for this page's own removals, which are told once and need no more keeping.
  const gone = removed.filter((item) => !settledHere.delete(settledKey(item)) && item.userId === userId);
  await reload();
  if (gone.length) await Promise.all(gone.map((item) => announceResult({ item, elsewhere: true })));
}

function retryable(error: unknown): boolean {
  return !(error instanceof ApiError) || error.status === 0 || error.status === 429 || error.status >= 500;
}

/** The writes still waiting when sending stops (offline, server down, signed out) are "queued". */
function parkWaiters(): void {
  for (const waiter of waiters.values()) waiter.resolve("queued");
  waiters.clear();
}

function stop(): "stop" {
  stopped = true;
  parkWaiters();
  return "stop";
}

function scheduleRetry(): void {
  clearTimeout(retryTimer);
  retryTimer = setTimeout(() => void flushOutbox(), retryDelay);
  retryDelay = Math.min(retryDelay * 2, LAST_RETRY_MS);
}

function send(item: OutboxItem): Promise<unknown> {
  const { method, path, body } = item.request;
  return method === "PUT" ? api.put(path, body) : api.delete(path);
}

function announceResult(result: WriteResult): Promise<unknown> {
  return Promise.all([...resultListeners].map((listener) => listener(result)));
}

async function step(item: OutboxItem): Promise<"next" | "stop"> {
  if (item.userId !== userId || (typeof navigator !== "undefined" && !navigator.onLine)) return stop();
  try {
    const sent = await send(item);
    retryDelay = FIRST_RETRY_MS;
    await announceResult({ item, sent });
    settledHere.add(settledKey(item));
    await removeFromOutbox(item.id);
    waiters.get(item.id)?.resolve("saved");
  } catch (error) {
    if (retryable(error)) {
      scheduleRetry();
      return stop();
    }
    const refused = error as ApiError;
    if (refused.status === 401) return stop();
    await announceResult({ item, refused });
    settledHere.add(settledKey(item));
    await removeFromOutbox(item.id);
    waiters.get(item.id)?.reject(refused);
  } finally {
    waiters.delete(item.id);
    await reload();
  }
  return "next";
}

/** Sends the signed-in user's waiting writes, oldest first; safe to call any time, from anywhere. */
export function flushOutbox(): Promise<void> {
  if (flushing) {
    again = true;
    return flushing;
  }
  if (userId === null) return Promise.resolve();
  again = false;
  stopped = false;
  flushing = drainOutbox(userId, step)
    .catch(() => undefined)
    .finally(() => {
      flushing = null;
      if (!again) return;
      again = false;
      // Asked again while draining: after a stop, the writes wait for the retry or the network (no
      // tight loop against a failing server); otherwise one may have come after the drain looked.
      if (stopped) parkWaiters();
      else void flushOutbox();
    });
  return flushing;
}

/** Asks the service worker to send the outbox when the browser is back online, even with the app closed. */
function requestBackgroundSync(): void {
  if (typeof navigator === "undefined" || !navigator.serviceWorker) return;
  void navigator.serviceWorker
    .getRegistration()
    .then((registration) => {
      const sync = (
        registration as (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | undefined
      )?.sync;
      return sync?.register(SYNC_TAG);
    })
    .catch(() => undefined);
}

/**
 * Keeps a write durably, then sends it (now, or when possible). Resolves "saved" once the server
 * has it, "queued" when it waits for the network; rejects with the server's reason when refused.
 */
export async function queueWrite(write: Omit<NewOutboxItem, "userId">): Promise<WriteOutcome> {
  if (userId === null)
    throw new ApiError(i18n._("Your session has ended. Please sign in again."), 401, "not_authenticated");
  // Shown at once, before IndexedDB has it (a few milliseconds, more on a slow phone).
  const shown: OutboxItem = { ...write, userId, id: -Date.now(), createdAt: Date.now() };
  provisional = [...provisional, shown];
  publish();
  let item: OutboxItem;
  try {
    item = await addToOutbox({ ...write, userId });
    provisional = provisional.filter((waiting) => waiting !== shown);
  } catch {
    // No IndexedDB (a private window of an old browser): send it now, without keeping it.
    try {
      await announceResult({ item: shown, sent: await send(shown) });
      return "saved";
    } catch (error) {
      if (error instanceof ApiError && !retryable(error)) await announceResult({ item: shown, refused: error });
      throw error;
    } finally {
      provisional = provisional.filter((waiting) => waiting !== shown);
      publish();
    }
  }
  const outcome = new Promise<WriteOutcome>((resolve, reject) => waiters.set(item.id, { resolve, reject }));
  await reload();
  requestBackgroundSync();
  void flushOutbox();
  return outcome;
}

/** Who is signed in: their waiting writes are shown and sent; null while nobody is. */
export function setSyncUser(id: number | null): void {
  if (id === userId) return;
  userId = id;
  void reload().then(() => flushOutbox());
}

/** Forgets a user's waiting writes, when their account is deleted. */
export async function forgetUserWrites(id: number): Promise<void> {
  await clearUserOutbox(id);
  await reload();
}

/** Called with every write the server accepted or refused, before it leaves the outbox. */
export function onWriteSettled(listener: (result: WriteResult) => void | Promise<void>): () => void {
  resultListeners.add(listener);
  return () => resultListeners.delete(listener);
}

function subscribe(listener: () => void): () => void {
  itemListeners.add(listener);
  return () => itemListeners.delete(listener);
}

const NONE: readonly OutboxItem[] = [];
let mine: { from: readonly OutboxItem[]; user: number | null; items: readonly OutboxItem[] } = {
  from: NONE,
  user: null,
  items: NONE,
};

/** The signed-in user's items, the same array until the outbox or the user changes. */
function getMine(): readonly OutboxItem[] {
  if (mine.from !== items || mine.user !== userId)
    mine = {
      from: items,
      user: userId,
      items: userId === null ? NONE : items.filter((item) => item.userId === userId),
    };
  return mine.items;
}

/** The signed-in user's writes that wait for the server, oldest first. */
export function usePendingWrites(): readonly OutboxItem[] {
  return useSyncExternalStore(subscribe, getMine, () => NONE);
}

/** Starts listening for the moments to send: back online, the tab shown again, another tab, the worker. */
export function startSync(): () => void {
  const flush = () => void flushOutbox();
  const onVisible = () => {
    if (document.visibilityState === "visible") flush();
  };
  const onWorkerMessage = (event: MessageEvent) => {
    if ((event.data as { type?: unknown } | null)?.type === "flush-outbox") flush();
  };
  window.addEventListener("online", flush);
  document.addEventListener("visibilitychange", onVisible);
  navigator.serviceWorker?.addEventListener("message", onWorkerMessage);
  const stopListening = onOutboxChangedElsewhere((change) => void reloadChangedElsewhere(change));
  return () => {
    window.removeEventListener("online", flush);
    document.removeEventListener("visibilitychange", onVisible);
    navigator.serviceWorker?.removeEventListener("message", onWorkerMessage);
    stopListening();
    clearTimeout(retryTimer);
  };
}

function subscribeOnline(listener: () => void): () => void {
  window.addEventListener("online", listener);
  window.addEventListener("offline", listener);
  return () => {
    window.removeEventListener("online", listener);
    window.removeEventListener("offline", listener);
  };
}

/** Whether the browser believes it has a network connection. */
export function useOnline(): boolean {
  return useSyncExternalStore(
    subscribeOnline,
    () => navigator.onLine,
    () => true,
  );
}
