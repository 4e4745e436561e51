import { useSyncExternalStore } from "react";

/**
 * Registers the service worker (production builds only) and says when a new version of the app
 * has been downloaded and waits: the update notice offers to switch, since the worker never
 * replaces the code of a page that is open.
 */
let waiting: ServiceWorker | null = null;
const listeners = new Set<() => void>();

function setWaiting(worker: ServiceWorker | null): void {
  waiting = worker;
  for (const listener of listeners) listener();
}

function watch(registration: ServiceWorkerRegistration): void {
  // Only an update waits behind a controlling worker; the first install takes over at once.
  const check = () => {
    if (registration.waiting && navigator.serviceWorker.controller) setWaiting(registration.waiting);
  };
  check();
  registration.addEventListener("updatefound", () => {
    const installing = registration.installing;
    installing?.addEventListener("statechange", () => {
      if (installing.state === "installed") check();
    });
  });
}

export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !("serviceWorker" in navigator)) return;
  const register = () =>
    navigator.serviceWorker
      .register("/sw.js")
      .then(watch)
      .catch(() => undefined);
  // After the page has loaded, so precaching does not compete with the first screen; offline, when
  // the network is back (registering checks the server for a new version).
  const whenOnline = () => {
    if (navigator.onLine) void register();
    else window.addEventListener("online", () => void register(), { once: true });
  };
  if (document.readyState === "complete") whenOnline();
  else window.addEventListener("load", whenOnline, { once: true });
}

/** Switches to the waiting version and reloads into it. */
export function applyUpdate(): void {
  if (!waiting) return;
  navigator.serviceWorker.addEventListener("controllerchange", () => window.location.reload(), { once: true });
  waiting.postMessage({ type: "skip-waiting" });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useUpdateReady(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => waiting !== null,
    () => false,
  );
}
