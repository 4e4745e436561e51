import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderApp } from "@/testing/render";
import { server } from "@/testing/server";

// A P-256 point is 65 bytes; any 65 bytes will do for the browser stand-in.
const KEY_BYTES = Uint8Array.from({ length: 65 }, (_, index) => (index === 0 ? 4 : index));
const PUBLIC_KEY = btoa(String.fromCharCode(...KEY_BYTES))
  .replaceAll("+", "-")
  .replaceAll("/", "_")
  .replace(/=+$/, "");
const ENDPOINT = "https://fcm.googleapis.com/fcm/send/device-1";

/**
 * A browser that can take push: Notification with a permission the test sets, and a service worker
 * registration whose push manager keeps one subscription, as Chromium's does.
 */
function pushBrowser({
  permission = "default" as NotificationPermission,
  answer = "granted" as NotificationPermission,
  worker = true,
} = {}) {
  const state = {
    permission,
    subscription: null as null | { endpoint: string; toJSON(): unknown; unsubscribe(): Promise<boolean> },
  };
  const subscribeCalls: { userVisibleOnly: boolean; applicationServerKey: Uint8Array }[] = [];
  const makeSubscription = () => {
    const subscription = {
      endpoint: ENDPOINT,
      toJSON: () => ({ endpoint: ENDPOINT, expirationTime: null, keys: { p256dh: "p256dh-key", auth: "auth-secret" } }),
      unsubscribe: vi.fn(async () => {
        state.subscription = null;
        return true;
      }),
    };
    return subscription;
  };
  const pushManager = {
    getSubscription: async () => state.subscription,
    subscribe: async (options: { userVisibleOnly: boolean; applicationServerKey: Uint8Array }) => {
      subscribeCalls.push(options);
      state.subscription = makeSubscription();
      return state.subscription;
    },
  };
  vi.stubGlobal("PushManager", function PushManager() {});
  const notification = Object.defineProperties(function Notification() {}, {
    permission: { get: () => state.permission },
    requestPermission: {
      value: vi.fn(async () => {
        state.permission = answer;
        return answer;
      }),
    },
  });
  vi.stubGlobal("Notification", notification);
  Object.defineProperty(navigator, "serviceWorker", {
    configurable: true,
    value: {
      getRegistration: async () => (worker ? { pushManager } : undefined),
      addEventListener: () => {},
      removeEventListener: () => {},
    },
  });
  return {
    state,
    pushManager,
    subscribeCalls,
    subscribeExisting: () => (state.subscription = makeSubscription()),
  };
}

/** The push API as the server answers it; records what it was sent. */
function pushApi({ key = PUBLIC_KEY as string | null, refuse = false } = {}) {
  const log: { method: string; path: string; body: unknown }[] = [];
  server.use(
    http.get("*/api/push/key/", () => HttpResponse.json({ public_key: key })),
    http.get("*/api/push/subscriptions/", () =>
      HttpResponse.json([
        { id: 8, endpoint: "https://fcm.googleapis.com/fcm/send/other-device", created: "2026-03-01T08:00:00Z" },
        { id: 9, endpoint: ENDPOINT, created: "2026-03-18T08:00:00Z" },
      ]),
    ),
    http.post("*/api/push/subscriptions/", async ({ request }) => {
      const body = await request.json();
      log.push({ method: "POST", path: "subscriptions", body });
      if (refuse)
        return HttpResponse.json(
          {
            detail: "The request has invalid fields.",
            code: "invalid",
            errors: { endpoint: ["This push service is not allowed."] },
          },
          { status: 400 },
        );
      return HttpResponse.json({ id: 9, endpoint: ENDPOINT, created: "2026-03-18T08:00:00Z" }, { status: 201 });
    }),
    http.delete("*/api/push/subscriptions/:id/", ({ params }) => {
      log.push({ method: "DELETE", path: `subscriptions/${params.id}`, body: null });
      return new HttpResponse(null, { status: 204 });
    }),
  );
  return log;
}

const section = async () => within(await screen.findByRole("region", { name: "Notifications on this device" }));

afterEach(() => {
  vi.unstubAllGlobals();
  Reflect.deleteProperty(navigator, "serviceWorker");
});

describe("notifications on this device", () => {
  it("turns on: asks permission, subscribes with the server's key and saves the subscription", async () => {
    const browser = pushBrowser();
    const log = pushApi();
    const { user } = renderApp("/settings");
    const region = await section();
    await user.click(await region.findByRole("button", { name: "Turn on notifications" }));
    expect(await region.findByRole("status")).toHaveTextContent("Notifications are on for this device.");
    expect(Notification.requestPermission).toHaveBeenCalledTimes(1);
    expect(browser.subscribeCalls).toHaveLength(1);
    expect(browser.subscribeCalls[0]!.userVisibleOnly).toBe(true);
    expect([...browser.subscribeCalls[0]!.applicationServerKey]).toEqual([...KEY_BYTES]);
    expect(log).toEqual([
      {
        method: "POST",
        path: "subscriptions",
        body: { endpoint: ENDPOINT, expirationTime: null, keys: { p256dh: "p256dh-key", auth: "auth-secret" } },
      },
    ]);
    expect(region.getByRole("button", { name: "Turn off notifications" })).toBeInTheDocument();
  });

  it("turns off: removes this device's subscription on the server, then in the browser", async () => {
    const browser = pushBrowser({ permission: "granted" });
    const existing = browser.subscribeExisting();
    const log = pushApi();
    const { user } = renderApp("/settings");
    const region = await section();
    await user.click(await region.findByRole("button", { name: "Turn off notifications" }));
    expect(await region.findByText("Notifications are off for this device.")).toBeInTheDocument();
    expect(log).toEqual([{ method: "DELETE", path: "subscriptions/9", body: null }]);
    expect(existing.unsubscribe).toHaveBeenCalled();
    expect(region.getByRole("button", { name: "Turn on notifications" })).toBeInTheDocument();
  });

  it("says so when the person refuses, and sends nothing", async () => {
    const browser = pushBrowser({ answer: "denied" });
    const log = pushApi();
    const { user } = renderApp("/settings");
    const region = await section();
    await user.click(await region.findByRole("button", { name: "Turn on notifications" }));
    expect(await region.findByText(/Notifications are blocked for this site/)).toBeInTheDocument();
    expect(region.getByRole("status")).toHaveTextContent("Notifications stay off for this device.");
    expect(region.queryByRole("button", { name: /Turn on/ })).not.toBeInTheDocument();
    expect(browser.subscribeCalls).toEqual([]);
    expect(log).toEqual([]);
  });

  it("drops the browser's subscription again when the server does not take it", async () => {
    const browser = pushBrowser();
    pushApi({ refuse: true });
    const { user } = renderApp("/settings");
    const region = await section();
    await user.click(await region.findByRole("button", { name: "Turn on notifications" }));
    expect(await region.findByRole("alert")).toHaveTextContent("This push service is not allowed.");
    await waitFor(() => expect(browser.state.subscription).toBeNull());
    expect(region.getByRole("button", { name: "Turn on notifications" })).toBeInTheDocument();
  });

  it("explains a browser whose push service cannot be reached, and saves nothing", async () => {
    const browser = pushBrowser();
    const log = pushApi();
    vi.spyOn(browser.pushManager, "subscribe").mockRejectedValue(
      new DOMException("Registration failed - push service error", "AbortError"),
    );
    const { user } = renderApp("/settings");
    const region = await section();
    await user.click(await region.findByRole("button", { name: "Turn on notifications" }));
    expect(await region.findByRole("alert")).toHaveTextContent(/notification service could not be reached/);
    expect(log).toEqual([]);
    expect(region.getByRole("button", { name: "Turn on notifications" })).toBeInTheDocument();
  });

  it("explains each state where it cannot be turned on", async () => {
    pushBrowser({ permission: "denied" });
    pushApi();
    const first = renderApp("/settings");
    expect(await (await section()).findByText(/Notifications are blocked for this site/)).toBeInTheDocument();
    first.unmount();

    pushBrowser({ worker: false });
    const second = renderApp("/settings");
    expect(await (await section()).findByText(/background worker, which has not started/)).toBeInTheDocument();
    second.unmount();

    pushBrowser();
    pushApi({ key: null });
    const third = renderApp("/settings");
    expect(await (await section()).findByText(/not set up on this server/)).toBeInTheDocument();
    third.unmount();
  });

  it("tells a browser without push that email still works", async () => {
    pushApi();
    renderApp("/settings");
    const region = await section();
    expect(await region.findByText(/This browser cannot show notifications from websites/)).toBeInTheDocument();
    expect(region.queryByRole("button")).not.toBeInTheDocument();
  });
});
