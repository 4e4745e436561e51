/// <reference lib="webworker" />
/**
 * The service worker: the app shell and its code offline, and the outbox sent in the background.
 *
 * - Install caches this build's files (`__PRECACHE__`: index.html as "/", the hashed assets, the
 *   manifest and icons) under a cache named after the build (`__VERSION__`). The cached shell
 *   leaves out index.html's preload of the session answer: it saves a round trip only while the
 *   scripts come from the network, and offline it would fail and go unused, both loudly.
 * - A page navigation gets the cached index.html at once, online or not; hashed assets come from
 *   the cache. Nothing under /api/ (nor the admin, Django's static files, health) is ever cached
 *   or answered from a cache: the API's data is the query cache's business, always refetched.
 * - A new build waits until the page asks for it ("skip-waiting", from the update notice) or every
 *   tab has closed, so an open page keeps the code it was built with; its activation drops the
 *   caches of older builds.
 * - Background Sync ("outbox"): with a window open, that window sends its outbox; with none, the
 *   worker sends it itself, for the user the session belongs to. It removes only what the server
 *   accepted; anything refused waits for the app, which tells the user.
 * - Reminders (sw/reminders.ts): a push shows the reminder; its "Done" and "Skip" check in without
 *   opening the app (kept and replayed by Background Sync "reminder-actions" when offline); a click
 *   on the body opens the habit; a replaced push subscription is saved again.
 */
import { drainOutbox, removeFromOutbox, type OutboxItem } from "@/lib/outbox";
import { replayReminderActions } from "@/lib/reminders";
import {
  REMINDER_SYNC_TAG,
  handleReminderClick,
  handleSubscriptionChange,
  showReminder,
  type ReminderWorker,
  type SubscriptionChange,
} from "./reminders";

declare const self: ServiceWorkerGlobalScope;
declare const __PRECACHE__: string[];
declare const __VERSION__: string;

interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}

const CACHE_PREFIX = "habits-shell-";
const CACHE = `${CACHE_PREFIX}${__VERSION__}`;
const SHELL = "/";
const PRECACHED = new Set(__PRECACHE__);
const NETWORK_ONLY = /^\/(api|admin|django-static|health)(\/|$)/;
const SESSION_PRELOAD = /<link rel="preload" href="\/api\/auth\/csrf\/"[^>]*>\s*/;

async function cacheShell(cache: Cache): Promise<void> {
  const response = await fetch(SHELL, { cache: "no-cache" });
  if (!response.ok) throw new Error(`the shell answered ${response.status}`);
  const html = (await response.text()).replace(SESSION_PRELOAD, "");
  const type = response.headers.get("Content-Type") ?? "text/html; charset=utf-8";
  await cache.put(SHELL, new Response(html, { headers: { "Content-Type": type } }));
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => Promise.all([cacheShell(cache), cache.addAll([...PRECACHED].filter((path) => path !== SHELL))])),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names.filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE).map((name) => caches.delete(name)),
      );
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  if ((event.data as { type?: unknown } | null)?.type === "skip-waiting") void self.skipWaiting();
});

async function fromCache(key: string, request: Request): Promise<Response> {
  const cached = await caches.match(key, { cacheName: CACHE });
  return cached ?? fetch(request);
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin || NETWORK_ONLY.test(url.pathname)) return;
  if (request.mode === "navigate") event.respondWith(fromCache(SHELL, request));
  else if (PRECACHED.has(url.pathname)) event.respondWith(fromCache(url.pathname, request));
});

async function sendFromWorker(item: OutboxItem): Promise<"next" | "stop"> {
  const token = (await self.cookieStore?.get("csrftoken"))?.value;
  if (!token) return "stop";
  const { method, path, body } = item.request;
  const response = await fetch(path, {
    method,
    credentials: "same-origin",
    headers: { Accept: "application/json", "Content-Type": "application/json", "X-CSRFToken": token },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) return "stop";
  await removeFromOutbox(item.id);
  return "next";
}

async function syncOutbox(): Promise<void> {
  const windows = await self.clients.matchAll({ type: "window" });
  if (windows.length > 0) {
    for (const client of windows) client.postMessage({ type: "flush-outbox" });
    return;
  }
  // A network failure here rejects, and the browser tries the sync again later.
  const me = await fetch("/api/auth/me/", { credentials: "same-origin", headers: { Accept: "application/json" } });
  if (!me.ok) return;
  const { id } = (await me.json()) as { id: number };
  await drainOutbox(id, sendFromWorker);
}

self.addEventListener("sync", (event) => {
  const sync = event as SyncEvent;
  if (sync.tag === "outbox") sync.waitUntil(syncOutbox());
  // A rejection (still offline) makes the browser try again later.
  else if (sync.tag === REMINDER_SYNC_TAG) sync.waitUntil(replayReminderActions());
});

const worker: ReminderWorker = {
  origin: self.location.origin,
  registration: self.registration,
  clients: self.clients,
};

function pushPayload(event: PushEvent): unknown {
  try {
    return event.data?.json() ?? null;
  } catch {
    return null;
  }
}

self.addEventListener("push", (event) => {
  event.waitUntil(showReminder(worker, pushPayload(event)));
});

self.addEventListener("notificationclick", (event) => {
  event.waitUntil(handleReminderClick(worker, event.notification, event.action));
});

self.addEventListener("pushsubscriptionchange", (event) => {
  const change = event as ExtendableEvent & SubscriptionChange;
  change.waitUntil(
    handleSubscriptionChange(
      change,
      self.registration.pushManager,
      async () => (await self.cookieStore?.get("csrftoken"))?.value,
    ),
  );
});
