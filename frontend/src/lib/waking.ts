import { useSyncExternalStore } from "react";

/**
 * Whether the server is waking up: its database resumes from a pause after a quiet spell (up to
 * half a minute), and the API answers 503 until it has. The API client retries meanwhile and
 * counts the requests waiting here; the app shows a banner while any is.
 */
let waiting = 0;
const listeners = new Set<() => void>();

function changed(): void {
  for (const listener of listeners) listener();
}

export function startWaiting(): void {
  waiting += 1;
  if (waiting === 1) changed();
}

export function stopWaiting(): void {
  waiting = Math.max(0, waiting - 1);
  if (waiting === 0) changed();
}

export function isWaking(): boolean {
  return waiting > 0;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useWaking(): boolean {
  return useSyncExternalStore(subscribe, isWaking, isWaking);
}
