import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { clearNotices } from "@/components/notifications";
import { server } from "./server";

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
