import { http, HttpResponse } from "msw";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { dropBroadcastChannel, withFileBroadcastChannel } from "@/testing/broadcast";
import { server } from "@/testing/server";
import { readOutbox, removeFromOutbox } from "./outbox";
import { flushOutbox, onWriteSettled, queueWrite, setSyncUser, startSync, type WriteResult } from "./sync";

const put = (date: string, status: string) => ({
  key: `entry:1:${date}`,
  request: { method: "PUT" as const, path: `/api/habits/1/entries/${date}/`, body: { status } },
  data: { date, status },
});

function recordPuts(status = 200, body: Record<string, unknown> = { ok: true }) {
  const sent: { date: string; body: unknown }[] = [];
  server.use(
    http.put("*/api/habits/1/entries/:date/", async ({ request, params }) => {
      sent.push({ date: String(params.date), body: await request.json() });
      return HttpResponse.json(body, { status });
    }),
  );
  return sent;
}

function offline(value: boolean) {
  vi.spyOn(navigator, "onLine", "get").mockReturnValue(!value);
}

describe("the outbox", () => {
  beforeEach(() => setSyncUser(1));
  afterEach(() => {
    setSyncUser(null);
    vi.restoreAllMocks();
  });

  it("sends a write at once when online, and says it was saved", async () => {
    const sent = recordPuts();
    await expect(queueWrite(put("2026-03-18", "done"))).resolves.toBe("saved");
    expect(sent).toEqual([{ date: "2026-03-18", body: { status: "done" } }]);
    expect(await readOutbox()).toEqual([]);
  });

  it("keeps writes made offline, the newest of a day replacing the older, and sends them in order", async () => {
    const sent = recordPuts();
    offline(true);
    await expect(queueWrite(put("2026-03-17", "done"))).resolves.toBe("queued");
    await queueWrite(put("2026-03-18", "done"));
    await queueWrite(put("2026-03-17", "skipped"));
    expect((await readOutbox()).map((item) => item.data)).toEqual([
      { date: "2026-03-18", status: "done" },
      { date: "2026-03-17", status: "skipped" },
    ]);
    expect(sent).toEqual([]);
    offline(false);
    await flushOutbox();
    expect(sent.map((write) => [write.date, write.body])).toEqual([
      ["2026-03-18", { status: "done" }],
      ["2026-03-17", { status: "skipped" }],
    ]);
    expect(await readOutbox()).toEqual([]);
  });

  it("keeps a write the server could not take, and tries again", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let calls = 0;
    server.use(
      http.put("*/api/habits/1/entries/:date/", () => {
        calls += 1;
        return calls === 1
          ? HttpResponse.json({ detail: "The server had a problem.", code: "server_error" }, { status: 500 })
          : HttpResponse.json({ ok: true });
      }),
    );
    await expect(queueWrite(put("2026-03-18", "done"))).resolves.toBe("queued");
    expect(await readOutbox()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(5_000);
    await vi.waitFor(() => expect(calls).toBe(2));
    await vi.waitFor(async () => expect(await readOutbox()).toEqual([]));
    vi.useRealTimers();
  });

  it("drops a write the server refuses and tells the listeners why", async () => {
    recordPuts(400, {
      detail: "The request has invalid fields.",
      code: "invalid",
      errors: { non_field_errors: ["This day is after today."] },
    });
    const results: WriteResult[] = [];
    const stop = onWriteSettled((result) => void results.push(result));
    await expect(queueWrite(put("2026-03-19", "done"))).rejects.toThrow("This day is after today.");
    expect(results).toHaveLength(1);
    expect("refused" in results[0]! && results[0].refused.status).toBe(400);
    expect(await readOutbox()).toEqual([]);
    stop();
  });

  it("keeps a signed-out user's writes for when they sign in again, and sends only the signed-in user's", async () => {
    const sent = recordPuts();
    offline(true);
    await queueWrite(put("2026-03-18", "done"));
    setSyncUser(2);
    offline(false);
    await flushOutbox();
    expect(sent).toEqual([]);
    setSyncUser(1);
    await vi.waitFor(() => expect(sent).toHaveLength(1));
  });

  it("refuses a write when nobody is signed in", async () => {
    setSyncUser(null);
    await expect(queueWrite(put("2026-03-18", "done"))).rejects.toMatchObject({ status: 401 });
  });
});

describe("the outbox sent elsewhere", () => {
  let stopSync: () => void;
  beforeEach(() => {
    withFileBroadcastChannel("sync.test");
    stopSync = startSync();
    setSyncUser(1);
  });
  afterEach(() => {
    stopSync();
    setSyncUser(null);
    dropBroadcastChannel();
    vi.restoreAllMocks();
  });

  it("tells the listeners of a write the service worker sent, which the page's cache does not have yet", async () => {
    offline(true);
    await queueWrite(put("2026-03-18", "done"));
    const [waiting] = await readOutbox();
    const results: WriteResult[] = [];
    const stop = onWriteSettled((result) => void results.push(result));
    // The worker, with the app closed, sent it and took it out of the outbox.
    await removeFromOutbox(waiting!.id);
    await vi.waitFor(() => expect(results).toEqual([{ item: waiting, elsewhere: true }]));
    stop();
  });

  it("does not tell twice of a write the page sent itself", async () => {
    recordPuts();
    const results: WriteResult[] = [];
    const stop = onWriteSettled((result) => void results.push(result));
    await expect(queueWrite(put("2026-03-18", "done"))).resolves.toBe("saved");
    // The page hears its own removal on the channel too; give it the time to arrive.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(results.map((result) => Object.keys(result).sort())).toEqual([["item", "sent"]]);
    stop();
  });

  it("ignores another user's writes sent elsewhere", async () => {
    offline(true);
    setSyncUser(2);
    await queueWrite(put("2026-03-18", "done"));
    const [theirs] = await readOutbox();
    setSyncUser(1);
    const results: WriteResult[] = [];
    const stop = onWriteSettled((result) => void results.push(result));
    await removeFromOutbox(theirs!.id);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(results).toEqual([]);
    stop();
  });
});
