import "fake-indexeddb/auto";
import "@/lib/effect-timing";
import "@testing-library/jest-dom/vitest";
import { onlineManager } from "@tanstack/react-query";
import { cleanup, configure } from "@testing-library/react";
import { afterAll, afterEach, beforeAll, beforeEach, vi } from "vitest";
import { clearNotices } from "@/components/notifications";
import { activateLocale, currentLocale } from "@/lib/i18n";
import { server } from "./server";

// The machine is shared: give lazy chunks and refetches time to arrive before a query gives up.
configure({ asyncUtilTimeout: 8000 });
// Test files run side by side in one process, where a BroadcastChannel would reach the others.
vi.stubGlobal("BroadcastChannel", undefined);

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
beforeEach(() => {
  document.cookie = "csrftoken=test-token; path=/";
});
afterEach(async () => {
  cleanup();
  clearNotices();
  onlineManager.setOnline(true);
  server.resetHandlers();
  if (currentLocale() !== "en") await activateLocale("en");
  window.localStorage.clear();
  // Each test starts with an empty outbox (the app's connection closes itself on the delete).
  await new Promise((resolve) => {
    const request = indexedDB.deleteDatabase("habits");
    request.onsuccess = request.onerror = request.onblocked = resolve;
  });
});
afterAll(() => server.close());
