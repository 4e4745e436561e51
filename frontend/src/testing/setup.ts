import "@testing-library/jest-dom/vitest";
import { cleanup, configure } from "@testing-library/react";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { clearNotices } from "@/components/notifications";
import { server } from "./server";

// The machine is shared: give lazy chunks and refetches time to arrive before a query gives up.
configure({ asyncUtilTimeout: 4000 });

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
beforeEach(() => {
  document.cookie = "csrftoken=test-token; path=/";
});
afterEach(() => {
  cleanup();
  clearNotices();
  server.resetHandlers();
});
afterAll(() => server.close());
