import { QueryClient } from "@tanstack/react-query";
import { afterEach, describe, expect, it, vi } from "vitest";
import { forgetPersistedQueries, persistQueries, restoreQueries } from "./query-persist";

const KEY = "habits-query-cache";

function client() {
  return new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
}

describe("the persisted query cache", () => {
  afterEach(() => vi.useRealTimers());

  it("saves the cache shortly after a change, and at once when the page is hidden", async () => {
    vi.useFakeTimers();
    const source = client();
    const stop = persistQueries(source);
    source.setQueryData(["habits", "list"], [{ id: 1 }]);
    expect(localStorage.getItem(KEY)).toBeNull();
    vi.advanceTimersByTime(600);
    expect(localStorage.getItem(KEY)).toContain('"id":1');
    source.setQueryData(["habits", "list"], [{ id: 2 }]);
    window.dispatchEvent(new Event("pagehide"));
    expect(localStorage.getItem(KEY)).toContain('"id":2');
    stop();
  });

  it("restores it before the first render, stale, so it is shown and asked for again", () => {
    vi.useFakeTimers();
    const source = client();
    const stop = persistQueries(source);
    source.setQueryData(["user", "me"], { id: 7 });
    vi.advanceTimersByTime(600);
    stop();
    const restored = client();
    restoreQueries(restored);
    expect(restored.getQueryData(["user", "me"])).toEqual({ id: 7 });
    expect(restored.getQueryState(["user", "me"])?.isInvalidated).toBe(true);
  });

  it("drops what a build with other API shapes saved, or what is more than a week old", () => {
    localStorage.setItem(KEY, JSON.stringify({ schema: "other", savedAt: Date.now(), state: { queries: [] } }));
    restoreQueries(client());
    expect(localStorage.getItem(KEY)).toBeNull();
    localStorage.setItem(KEY, JSON.stringify({ schema: __API_SCHEMA__, savedAt: 0, state: { queries: [] } }));
    restoreQueries(client());
    expect(localStorage.getItem(KEY)).toBeNull();
    localStorage.setItem(KEY, "not json");
    restoreQueries(client());
    expect(localStorage.getItem(KEY)).toBeNull();
  });

  it("forgets it (sign-out), and saves nothing for an empty cache", () => {
    vi.useFakeTimers();
    localStorage.setItem(KEY, "{}");
    forgetPersistedQueries();
    expect(localStorage.getItem(KEY)).toBeNull();
    const source = client();
    const stop = persistQueries(source);
    source.setQueryData(["x"], 1);
    source.clear();
    vi.advanceTimersByTime(600);
    expect(localStorage.getItem(KEY)).toBeNull();
    stop();
  });
});
