import { http, HttpResponse } from "msw";
import { describe, expect, it, vi } from "vitest";
import { buildUser } from "@/testing/builders";
import { csrfHandler, server } from "@/testing/server";
import { ApiError, WAKE_BUDGET_MS, api, fetchSession, formatWait, setUnauthorizedHandler } from "./api-client";
import { isWaking } from "./waking";

describe("api client", () => {
  it("sends the CSRF cookie as X-CSRFToken on unsafe requests", async () => {
    let header: string | null = null;
    server.use(
      http.post("*/api/things/", ({ request }) => {
        header = request.headers.get("X-CSRFToken");
        return HttpResponse.json({ ok: true }, { status: 201 });
      }),
    );
    await expect(api.post("/api/things/", { a: 1 })).resolves.toEqual({ ok: true });
    expect(header).toBe("test-token");
  });

  it("fetches the CSRF cookie first when it is missing", async () => {
    document.cookie = "csrftoken=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/";
    const seen: string[] = [];
    server.use(
      http.get("*/api/auth/csrf/", () => {
        seen.push("csrf");
        document.cookie = "csrftoken=fresh; path=/";
        return HttpResponse.json({ authenticated: false });
      }),
      http.delete("*/api/things/1/", ({ request }) => {
        seen.push(`delete ${request.headers.get("X-CSRFToken")}`);
        return new HttpResponse(null, { status: 204 });
      }),
    );
    await expect(api.delete("/api/things/1/")).resolves.toBeUndefined();
    expect(seen).toEqual(["csrf", "delete fresh"]);
  });

  it("reads the cookie afresh for every unsafe request, since sign-in rotates the token", async () => {
    await fetchSession(); // the app's session check: signed in
    const tokens: (string | null)[] = [];
    server.use(
      http.post("*/api/auth/login/", ({ request }) => {
        tokens.push(request.headers.get("X-CSRFToken"));
        document.cookie = "csrftoken=rotated; path=/";
        return HttpResponse.json({ ok: true });
      }),
      http.post("*/api/things/", ({ request }) => {
        tokens.push(request.headers.get("X-CSRFToken"));
        return HttpResponse.json({ ok: true }, { status: 201 });
      }),
    );
    await api.post("/api/auth/login/", {});
    await api.post("/api/things/", {});
    expect(tokens).toEqual(["test-token", "rotated"]);
  });

  it("reads the session state from the CSRF endpoint", async () => {
    server.use(http.get("*/api/auth/csrf/", () => HttpResponse.json({ authenticated: false, user: null })));
    await expect(fetchSession()).resolves.toEqual({ authenticated: false, user: null });
    const user = buildUser();
    server.use(http.get("*/api/auth/csrf/", () => HttpResponse.json({ authenticated: true, user })));
    await expect(fetchSession()).resolves.toEqual({ authenticated: true, user });
  });

  it("turns a validation error into the field's message and field errors", async () => {
    server.use(
      http.post("*/api/things/", () =>
        HttpResponse.json(
          {
            detail: "The request has invalid fields.",
            code: "invalid",
            errors: { note: ["Ensure this field has no more than 1000 characters."] },
          },
          { status: 400 },
        ),
      ),
    );
    const error = await api.post("/api/things/", {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: "invalid",
      message: "Note: Ensure this field has no more than 1000 characters.",
      fieldErrors: { note: ["Ensure this field has no more than 1000 characters."] },
    });
  });

  it.each([
    [
      { non_field_errors: ["The email address or the password is not correct."] },
      "The email address or the password is not correct.",
    ],
    [
      { file: ["This is not a zip file. Choose the zip Loop Habit Tracker exports."] },
      "This is not a zip file. Choose the zip Loop Habit Tracker exports.",
    ],
    [
      { value: ["Ensure that there are no more than 12 digits before the decimal point."], non_field_errors: [] },
      "Ensure that there are no more than 12 digits before the decimal point.",
    ],
    [{}, "The request has invalid fields."],
  ])("prefers the server's own reason %j over the generic detail", async (errors, message) => {
    server.use(
      http.post("*/api/things/", () =>
        HttpResponse.json({ detail: "The request has invalid fields.", code: "invalid", errors }, { status: 400 }),
      ),
    );
    await expect(api.post("/api/things/", {})).rejects.toThrow(message);
  });

  it.each([
    [1, "1 second"],
    [42, "42 seconds"],
    [900, "15 minutes"],
    [3599, "60 minutes"],
    [7200, "2 hours"],
  ])("says a wait of %i s as %s", (seconds, words) => {
    expect(formatWait(seconds)).toBe(words);
  });

  it("shows the API's throttling message as is: it says how long to wait", async () => {
    server.use(
      http.post("*/api/auth/login/", () =>
        HttpResponse.json(
          { detail: "Too many failed attempts. Try again in 15 minutes.", code: "throttled" },
          { status: 429, headers: { "Retry-After": "900" } },
        ),
      ),
    );
    await expect(api.post("/api/auth/login/", {})).rejects.toThrow(
      /^Too many failed attempts\. Try again in 15 minutes\.$/,
    );
  });

  it("says how long to wait from Retry-After when a 429 has no detail", async () => {
    server.use(
      http.post("*/api/auth/login/", () => new HttpResponse(null, { status: 429, headers: { "Retry-After": "42" } })),
    );
    await expect(api.post("/api/auth/login/", {})).rejects.toThrow("Too many attempts. Try again in 42 seconds.");
  });

  it("reports a network failure in words", async () => {
    server.use(http.get("*/api/things/", () => HttpResponse.error()));
    await expect(api.get("/api/things/")).rejects.toThrow("Can't reach the server");
  });

  it("calls the unauthorized handler on 401", async () => {
    const handler = vi.fn();
    setUnauthorizedHandler(handler);
    server.use(
      http.get("*/api/things/", () =>
        HttpResponse.json({ detail: "Not signed in.", code: "not_authenticated" }, { status: 401 }),
      ),
    );
    await expect(api.get("/api/things/")).rejects.toMatchObject({ status: 401, message: "Not signed in." });
    expect(handler).toHaveBeenCalledOnce();
  });

  it("puts query parameters on the URL", async () => {
    let url = "";
    server.use(
      http.get("*/api/habits/1/entries/", ({ request }) => {
        url = request.url;
        return HttpResponse.json([]);
      }),
    );
    await api.get("/api/habits/1/entries/", { query: { start: "2026-01-01", end: "2026-01-31" } });
    expect(new URL(url).search).toBe("?start=2026-01-01&end=2026-01-31");
  });

  describe("while the server wakes up", () => {
    const asleep = () =>
      HttpResponse.json(
        { detail: "The service is temporarily unavailable.", code: "service_unavailable" },
        { status: 503, headers: { "Retry-After": "0" } },
      );

    it("retries the API's own 503 for any method and says it is waking up meanwhile", async () => {
      let calls = 0;
      const seen: boolean[] = [];
      server.use(
        http.post("*/api/things/", () => {
          calls += 1;
          seen.push(isWaking());
          return calls < 3 ? asleep() : HttpResponse.json({ ok: true }, { status: 201 });
        }),
      );
      await expect(api.post("/api/things/", {})).resolves.toEqual({ ok: true });
      expect(calls).toBe(3);
      expect(seen).toEqual([false, true, true]);
      expect(isWaking()).toBe(false);
    });

    it("retries a gateway timeout only for a request that may run twice", async () => {
      let gets = 0;
      let posts = 0;
      const gateway = () => HttpResponse.json({ message: "Service Unavailable" }, { status: 503 });
      server.use(
        http.get("*/api/things/", () => {
          gets += 1;
          return gets < 2 ? gateway() : HttpResponse.json([]);
        }),
        http.post("*/api/things/", () => {
          posts += 1;
          return gateway();
        }),
      );
      await expect(api.get("/api/things/")).resolves.toEqual([]);
      await expect(api.post("/api/things/", {})).rejects.toMatchObject({ status: 503 });
      expect(posts).toBe(1);
    });

    it("gives up once the wake-up budget is spent", async () => {
      vi.useFakeTimers({ shouldAdvanceTime: true });
      try {
        let calls = 0;
        server.use(
          http.get("*/api/things/", () => {
            calls += 1;
            return HttpResponse.json(
              { detail: "The service is temporarily unavailable.", code: "service_unavailable" },
              { status: 503, headers: { "Retry-After": "5" } },
            );
          }),
        );
        const pending = expect(api.get("/api/things/")).rejects.toMatchObject({ status: 503 });
        await vi.advanceTimersByTimeAsync(WAKE_BUDGET_MS + 10_000);
        await pending;
        expect(calls).toBeGreaterThan(10);
        expect(isWaking()).toBe(false);
      } finally {
        vi.useRealTimers();
      }
    });
  });

  it("sends no request that needs a session before the session is known, and none once it has ended", async () => {
    const asked: string[] = [];
    server.use(
      csrfHandler(false),
      http.get("*/api/habits/", () => {
        asked.push("habits");
        return HttpResponse.json([]);
      }),
    );
    const handler = vi.fn();
    setUnauthorizedHandler(handler);
    await fetchSession(); // the page learns the session has ended (a saved cache may still show data)
    await expect(api.get("/api/habits/")).rejects.toMatchObject({ status: 401 });
    expect(asked).toEqual([]);
    expect(handler).toHaveBeenCalledOnce();

    server.use(csrfHandler(true));
    await expect(api.get("/api/habits/")).resolves.toEqual([]);
    expect(asked).toEqual(["habits"]);
  });
});
