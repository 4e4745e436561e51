/**
 * The outbox: writes the server has not confirmed yet, kept in IndexedDB so they survive closing
 * the tab, and sent in the order they were made. Shared by the page (lib/sync.ts) and the service
 * worker (Background Sync), so it uses only what both have: IndexedDB, Web Locks, BroadcastChannel.
 *
 * Each write has a key (one day of one habit, say). A newer write with the same key replaces an
 * older one that is still waiting: the requests are idempotent (PUT or DELETE of a whole day), so
 * the last state is all the server needs. The older one may already be on its way; it is then
 * followed by the newer, which the server applies last.
 */

const DB_NAME = "habits";
const DB_VERSION = 1;
const STORE = "outbox";
const LOCK = "habits-outbox";
const CHANNEL = "habits-outbox";

export interface OutboxRequest {
  method: "PUT" | "DELETE";
  path: string;
  body?: unknown;
}

export interface OutboxItem {
  /** Increasing: the order the writes were made in. */
  id: number;
  /** Writes with the same key replace each other while they wait. */
  key: string;
  /** Whose write it is: only sent while that user is signed in. */
  userId: number;
  request: OutboxRequest;
  /** What the feature that made the write needs to show it while it waits. */
  data: unknown;
  createdAt: number;
}

export type NewOutboxItem = Omit<OutboxItem, "id" | "createdAt">;

let opening: Promise<IDBDatabase> | null = null;

function openDatabase(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      request.result.createObjectStore(STORE, { keyPath: "id", autoIncrement: true });
    };
    request.onsuccess = () => {
      const db = request.result;
      // Another tab or a newer service worker upgrading the database: let it.
      db.onversionchange = () => {
        db.close();
        opening = null;
      };
      resolve(db);
    };
    request.onerror = () => {
      opening = null;
      reject(request.error ?? new Error("IndexedDB could not be opened"));
    };
  });
  return opening;
}

/** Runs `work` in one transaction on the store and resolves when it has committed. */
async function transact<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => T): Promise<T> {
  const db = await openDatabase();
  return new Promise<T>((resolve, reject) => {
    const transaction = db.transaction(STORE, mode);
    const result = work(transaction.objectStore(STORE));
    transaction.oncomplete = () => resolve(result);
    transaction.onerror = () => reject(transaction.error ?? new Error("IndexedDB transaction failed"));
    transaction.onabort = () => reject(transaction.error ?? new Error("IndexedDB transaction aborted"));
  });
}

/** Every waiting write, oldest first. */
export async function readOutbox(): Promise<OutboxItem[]> {
  const request = await transact("readonly", (store) => store.getAll());
  return (request.result as OutboxItem[]).sort((a, b) => a.id - b.id);
}

/** Adds a write, dropping the waiting ones it replaces, in one transaction. */
export async function addToOutbox(item: NewOutboxItem): Promise<OutboxItem> {
  const added = await transact("readwrite", (store) => {
    const record: Omit<OutboxItem, "id"> = { ...item, createdAt: Date.now() };
    const cursor = store.openCursor();
    const result: { id?: number } = {};
    cursor.onsuccess = () => {
      const current = cursor.result;
      if (current) {
        const waiting = current.value as OutboxItem;
        if (waiting.key === item.key && waiting.userId === item.userId) current.delete();
        current.continue();
        return;
      }
      const adding = store.add(record);
      adding.onsuccess = () => {
        result.id = adding.result as number;
      };
    };
    return { record, result };
  });
  announceChange();
  return { ...added.record, id: added.result.id! };
}

/** Removes a write that has been sent (or refused); the other tabs hear which. */
export async function removeFromOutbox(id: number): Promise<void> {
  const removed = await transact("readwrite", (store) => {
    const found = store.get(id);
    store.delete(id);
    return found;
  });
  const item = removed.result as OutboxItem | undefined;
  announceChange(item ? [item] : []);
}

/** Drops every waiting write of a user (their account is gone). */
export async function clearUserOutbox(userId: number): Promise<void> {
  const items = await readOutbox();
  await transact("readwrite", (store) => {
    for (const item of items) if (item.userId === userId) store.delete(item.id);
  });
  announceChange();
}

/**
 * Hands the user's waiting writes to `step`, oldest first, one at a time, until there are none or
 * `step` says stop. Only one tab or worker drains at once (Web Locks, where the browser has them),
 * so a write is not sent twice in parallel.
 */
export async function drainOutbox(userId: number, step: (item: OutboxItem) => Promise<"next" | "stop">): Promise<void> {
  const drain = async () => {
    for (;;) {
      const next = (await readOutbox()).find((item) => item.userId === userId);
      if (!next || (await step(next)) === "stop") return;
    }
  };
  if (typeof navigator !== "undefined" && navigator.locks) await navigator.locks.request(LOCK, drain);
  else await drain();
}

/** What the other tabs hear: the outbox changed, and the writes that left it as sent or refused. */
export interface OutboxChange {
  removed: OutboxItem[];
}

/** Tells the other tabs (and the service worker) that the outbox changed. */
function announceChange(removed: OutboxItem[] = []): void {
  if (typeof BroadcastChannel === "undefined") return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage({ removed } satisfies OutboxChange);
  channel.close();
}

/**
 * Calls `listener` when the outbox changed in another tab or the service worker (and, as each
 * change makes its own channel, in this page too: the listener tells its own writes apart).
 */
export function onOutboxChangedElsewhere(listener: (change: OutboxChange) => void): () => void {
  if (typeof BroadcastChannel === "undefined") return () => {};
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent) => {
    const removed = (event.data as Partial<OutboxChange> | null)?.removed;
    listener({ removed: Array.isArray(removed) ? removed : [] });
  };
  return () => channel.close();
}
