import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import type { User } from "@/lib/auth";
import { buildSession, buildUser } from "./builders";

/** `GET /api/auth/csrf/`: sets the CSRF cookie and says who is signed in (`buildUser()` unless told). */
export function csrfHandler(authenticated: boolean, user: User = buildUser()) {
  return http.get("*/api/auth/csrf/", () =>
    HttpResponse.json(buildSession({ authenticated, user: authenticated ? user : null }), {
      headers: { "Set-Cookie": "csrftoken=test-token" },
    }),
  );
}

/**
 * Handlers every screen needs: the CSRF/session endpoint, a signed-in user, (asked for as soon as
 * the session is known, whatever the screen) an empty list of habits and of groups, Settings'
 * passkeys and API tokens (none), the local mail page as a deployed site answers it (not there),
 * and push not configured (Settings asks for its key). Tests add the rest.
 */
export const defaultHandlers = [
  csrfHandler(true),
  http.get("*/api/auth/me/", () => HttpResponse.json(buildUser())),
  http.get("*/api/habits/", () => HttpResponse.json([])),
  http.get("*/api/groups/", () => HttpResponse.json([])),
  http.get("*/api/auth/passkeys/", () => HttpResponse.json([])),
  http.get("*/api/auth/tokens/", () => HttpResponse.json([])),
  http.get("*/api/dev/mail/", () => HttpResponse.json({ detail: "Not found.", code: "not_found" }, { status: 404 })),
  http.get("*/api/push/key/", () => HttpResponse.json({ public_key: null })),
];

export const server = setupServer(...defaultHandlers);

/**
 * A signed-out browser: the session endpoint says so. `/api/auth/me/` still answers 401 as the real
 * API would, and `meCalls()` counts how often it was asked (the app should not ask at all).
 */
export function signedOut() {
  let calls = 0;
  server.use(
    csrfHandler(false),
    http.get("*/api/auth/me/", () => {
      calls += 1;
      return HttpResponse.json(
        { detail: "Authentication credentials were not provided.", code: "not_authenticated" },
        { status: 401 },
      );
    }),
  );
  return { meCalls: () => calls };
}

/** A signed-in browser with this user (after sign-in, account deletion flips back via `signedOut`). */
export function signedInAs(user: User) {
  server.use(
    csrfHandler(true, user),
    http.get("*/api/auth/me/", () => HttpResponse.json(user)),
  );
}
