import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import type { User } from "@/lib/auth";
import { buildUser } from "./builders";

/** Handlers every screen needs: a CSRF cookie endpoint and a signed-in user. Tests add the rest. */
export const defaultHandlers = [
  http.get("*/api/auth/csrf/", () => new HttpResponse(null, { status: 204, headers: { "Set-Cookie": "csrftoken=test-token" } })),
  http.get("*/api/auth/me/", () => HttpResponse.json(buildUser())),
];

export const server = setupServer(...defaultHandlers);

export function signedOut() {
  server.use(
    http.get("*/api/auth/me/", () =>
      HttpResponse.json({ detail: "Authentication credentials were not provided.", code: "not_authenticated" }, { status: 401 }),
    ),
  );
}

export function signedInAs(user: User) {
  server.use(http.get("*/api/auth/me/", () => HttpResponse.json(user)));
}
