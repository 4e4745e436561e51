import { dehydrate, hydrate, type DehydratedState, type QueryClient } from "@tanstack/react-query";

/**
 * The query cache kept in localStorage, so the app opens on the last data it saw (its queries are
 * stale and refetch at once) instead of a spinner, and still shows it offline. localStorage rather
 * than IndexedDB because it reads synchronously: the cache is in place before the first render.
 *
 * Kept: successful queries, for at most a week, and only while the API's payload shapes are the
 * ones this build was made for (`__API_SCHEMA__`, a hash of the generated types). Forgotten at
 * sign-out and sign-in, with the rest of the cache.
 */

const STORAGE_KEY = "habits-query-cache";
const MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;
const SAVE_AFTER_MS = 500;

interface Stored {
  schema: string;
  savedAt: number;
  state: DehydratedState;
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Puts the saved cache into `client`; call before the first render. */
export function restoreQueries(client: QueryClient): void {
  const store = storage();
  const text = store?.getItem(STORAGE_KEY);
  if (!store || !text) return;
  try {
    const stored = JSON.parse(text) as Stored;
    if (stored.schema === __API_SCHEMA__ && Date.now() - stored.savedAt < MAX_AGE_MS) {
      hydrate(client, stored.state);
      // Shown at once, but asked for again as soon as a screen uses it, however recent it looks.
      void client.invalidateQueries({ refetchType: "none" });
      return;
    }
  } catch {
    // Unreadable: start afresh.
  }
  store.removeItem(STORAGE_KEY);
}

export function forgetPersistedQueries(): void {
  storage()?.removeItem(STORAGE_KEY);
}

/** Saves the cache shortly after each change, and at once when the page is hidden or closed. */
export function persistQueries(client: QueryClient): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    clearTimeout(timer);
    timer = undefined;
    const state = dehydrate(client);
    try {
      if (state.queries.length === 0) forgetPersistedQueries();
      else
        storage()?.setItem(
          STORAGE_KEY,
          JSON.stringify({ schema: __API_SCHEMA__, savedAt: Date.now(), state } satisfies Stored),
        );
    } catch {
      // Full or refused storage: the app works without it, only slower to open.
    }
  };
  const saveSoon = () => {
    timer ??= setTimeout(save, SAVE_AFTER_MS);
  };
  const saveNowIfDue = () => {
    if (timer !== undefined) save();
  };
  const onVisibility = () => {
    if (document.visibilityState === "hidden") saveNowIfDue();
  };
  const unsubscribe = client.getQueryCache().subscribe((event) => {
    if (event.type === "added" || event.type === "removed" || event.type === "updated") saveSoon();
  });
  window.addEventListener("pagehide", saveNowIfDue);
  document.addEventListener("visibilitychange", onVisibility);
  return () => {
    unsubscribe();
    clearTimeout(timer);
    window.removeEventListener("pagehide", saveNowIfDue);
    document.removeEventListener("visibilitychange", onVisibility);
  };
}
