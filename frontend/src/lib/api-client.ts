/**
 * The one HTTP client of the app. Session-cookie auth with Django's CSRF protection:
 * every unsafe request carries the `csrftoken` cookie as `X-CSRFToken`, fetching the cookie
 * first when it is missing. Every failure becomes an `ApiError` whose message a person can act on.
 */

import { currentLocale } from "@/lib/i18n";
import type { components } from "@/types/api";
import { startWaiting, stopWaiting } from "./waking";

type ErrorBody = components["schemas"]["Error"];

/** Field name → messages, as a 400 response's `errors` carries them (`non_field_errors` for the rest). */
export type FieldErrors = NonNullable<ErrorBody["errors"]>;

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fieldErrors: FieldErrors;

  constructor(message: string, status: number, code: string, fieldErrors: FieldErrors = {}) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.fieldErrors = fieldErrors;
  }
}

type Query = Record<string, string | number | boolean | undefined>;

interface RequestOptions {
  body?: unknown;
  query?: Query;
  signal?: AbortSignal;
}

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const CSRF_COOKIE = "csrftoken";

let onUnauthorized: () => void = () => {};

/** Called on every 401 so the app can forget the user and send them to sign-in. */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

export function readCookie(name: string): string | null {
  for (const part of document.cookie.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return null;
}

export function apiUrl(path: string, query?: Query): string {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  return url.toString();
}

export type Session = components["schemas"]["CsrfOutput"];

let pendingSession: Promise<Session> | null = null;

/**
 * `GET /api/auth/csrf/`: sets the `csrftoken` cookie and says who is signed in (the user, or null),
 * so the app learns the session state and the user in one request, without one the server refuses.
 * Callers while one is on its way share it.
 */
export function fetchSession(): Promise<Session> {
  pendingSession ??= askSession().finally(() => (pendingSession = null));
  return pendingSession;
}

async function askSession(): Promise<Session> {
  const response = await fetchOrExplain(apiUrl("/api/auth/csrf/"), {
    credentials: "same-origin",
    headers: { Accept: "application/json", "Accept-Language": currentLocale() },
  });
  if (!response.ok) throw await toApiError(response);
  let payload: Partial<Record<keyof Session, unknown>> = {};
  try {
    payload = (await response.json()) as typeof payload;
  } catch {
    payload = {};
  }
  const authenticated = payload.authenticated === true;
  const user =
    authenticated && payload.user && typeof payload.user === "object" ? (payload.user as Session["user"]) : null;
  signedInSession = authenticated;
  return { authenticated, user };
}

/**
 * No request that needs a signed-in session leaves the browser before the session is known to be
 * one: a page opened from the saved cache of an ended session would otherwise ask for its data and
 * meet 401s. Known once `GET /api/auth/csrf/` has said so (by the app's own session check, or here);
 * a 401 makes it unknown again. Paths under /api/auth/ (sign-in, the session itself) and /api/dev/
 * are not gated.
 */
let signedInSession = false;

const UNGATED = ["/api/auth/", "/api/dev/"];

async function requireSignedInSession(path: string): Promise<void> {
  if (signedInSession || UNGATED.some((prefix) => path.startsWith(prefix))) return;
  if ((await fetchSession()).authenticated) return;
  onUnauthorized();
  throw new ApiError("Your session has ended. Please sign in again.", 401, "not_authenticated");
}

/**
 * The CSRF token for an unsafe request, read from the cookie afresh every time (Django rotates it
 * on sign-in), fetched first when the cookie is missing.
 */
export async function ensureCsrfToken(force = false): Promise<string> {
  const existing = readCookie(CSRF_COOKIE);
  if (existing && !force) return existing;
  await fetchSession();
  return readCookie(CSRF_COOKIE) ?? "";
}

async function fetchOrExplain(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError("Can't reach the server. Check your connection and try again.", 0, "network_error");
  }
}

/** "42 seconds", "15 minutes", "2 hours": a wait in the unit a person thinks in, rounded up. */
export function formatWait(seconds: number): string {
  const [amount, unit] =
    seconds < 90
      ? [Math.ceil(seconds), "second"]
      : seconds < 5400
        ? [Math.ceil(seconds / 60), "minute"]
        : [Math.ceil(seconds / 3600), "hour"];
  return `${amount} ${unit}${amount === 1 ? "" : "s"}`;
}

const THIS_FIELD = /\bthis field\b/i;

function fieldLabel(field: string): string {
  const words = field.replaceAll(/[._]/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * What the server said was wrong, in its own words: a message not tied to a field first, then the
 * first field's (named when the message only says "this field"). A 400's `detail` is the generic
 * "The request has invalid fields." and comes last.
 */
function explainFieldErrors(fieldErrors: FieldErrors): string | undefined {
  const { non_field_errors: general, ...fields } = fieldErrors;
  if (general?.[0]) return general[0];
  for (const [field, messages] of Object.entries(fields)) {
    const message = messages?.[0];
    if (message) return THIS_FIELD.test(message) ? `${fieldLabel(field)}: ${message}` : message;
  }
  return undefined;
}

function messageFor(status: number, detail: string | undefined, retryAfter: string | null): string {
  // The API's 429 detail already says how long to wait, in words; Retry-After is the fallback.
  if (status === 429 && !detail) {
    const seconds = Number(retryAfter);
    return Number.isFinite(seconds) && seconds > 0
      ? `Too many attempts. Try again in ${formatWait(seconds)}.`
      : "Too many attempts. Wait a little and try again.";
  }
  if (detail) return detail;
  if (status === 401) return "Your session has ended. Please sign in again.";
  if (status === 403) return "You are not allowed to do that.";
  if (status === 404) return "That could not be found. It may have been deleted.";
  if (status >= 500) return "The server had a problem. Try again in a moment.";
  return "Something went wrong. Please try again.";
}

/** Turns a JSON error response `{detail, code, errors}` into an ApiError. */
export async function toApiError(response: Response): Promise<ApiError> {
  let payload: Partial<Record<keyof ErrorBody, unknown>> = {};
  try {
    payload = (await response.json()) as typeof payload;
  } catch {
    payload = {};
  }
  const detail = typeof payload.detail === "string" ? payload.detail : undefined;
  const code = typeof payload.code === "string" ? payload.code : `http_${response.status}`;
  const fieldErrors = payload.errors && typeof payload.errors === "object" ? (payload.errors as FieldErrors) : {};
  const message = messageFor(
    response.status,
    explainFieldErrors(fieldErrors) ?? detail,
    response.headers.get("Retry-After"),
  );
  return new ApiError(message, response.status, code, fieldErrors);
}

function isCsrfFailure(error: ApiError): boolean {
  return error.status === 403 && /csrf/i.test(`${error.code} ${error.message}`);
}

/** How long requests keep retrying while the server wakes up: a resume after a long pause takes
 * about half a minute, and API Gateway gives up on a request after 30 s. */
export const WAKE_BUDGET_MS = 75_000;
const IDEMPOTENT = new Set(["GET", "HEAD", "PUT", "PATCH", "DELETE"]);

/**
 * Milliseconds to wait before trying again, or null when `response` is an answer to give the caller.
 * The API's own 503 (`service_unavailable`: the database could not be reached, nothing was written)
 * is retried for any method; a 503/504 from in front of it (API Gateway's timeout) only for methods
 * that may safely run twice.
 */
async function wakingWait(method: string, response: Response, elapsed: number): Promise<number | null> {
  if ((response.status !== 503 && response.status !== 504) || elapsed >= WAKE_BUDGET_MS) return null;
  let code: unknown;
  try {
    code = ((await response.clone().json()) as { code?: unknown }).code;
  } catch {
    code = undefined;
  }
  if (code !== "service_unavailable" && !IDEMPOTENT.has(method)) return null;
  const seconds = Number(response.headers.get("Retry-After"));
  return Number.isFinite(seconds) && seconds >= 0 ? Math.min(seconds, 10) * 1000 : 5000;
}

/** One request, sent again while the server is waking up (see lib/waking.ts). */
async function send(method: string, path: string, options: RequestOptions): Promise<Response> {
  const started = Date.now();
  let waiting = false;
  try {
    for (;;) {
      // The API answers in the SPA's language (its messages are shown as they come).
      const headers: Record<string, string> = { Accept: "application/json", "Accept-Language": currentLocale() };
      const init: RequestInit = { method, headers, credentials: "same-origin", signal: options.signal };
      if (options.body !== undefined) {
        headers["Content-Type"] = "application/json";
        init.body = JSON.stringify(options.body);
      }
      if (UNSAFE.has(method)) headers["X-CSRFToken"] = await ensureCsrfToken();
      const response = await fetchOrExplain(apiUrl(path, options.query), init);
      const wait = await wakingWait(method, response, Date.now() - started);
      if (wait === null) return response;
      if (!waiting) startWaiting();
      waiting = true;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  } finally {
    if (waiting) stopWaiting();
  }
}

async function request<T>(method: string, path: string, options: RequestOptions = {}, retried = false): Promise<T> {
  await requireSignedInSession(path);
  const response = await send(method, path, options);
  if (!response.ok) {
    const error = await toApiError(response);
    if (!retried && isCsrfFailure(error)) {
      await ensureCsrfToken(true);
      return request<T>(method, path, options, true);
    }
    if (error.status === 401) {
      signedInSession = false;
      onUnauthorized();
    }
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>("GET", path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>("POST", path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>("PUT", path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>("PATCH", path, { ...options, body }),
  delete: <T = void>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>("DELETE", path, { ...options, body }),
};

interface UploadOptions {
  /** Form fields sent before the file (a storage's presigned form). */
  fields?: Record<string, string>;
  /** To the storage itself (S3's presigned POST): no cookies and no CSRF token, and its errors are not ours. */
  direct?: boolean;
}

/**
 * Multipart upload with progress. fetch() cannot report upload progress, so this one request
 * uses XMLHttpRequest, with the same CSRF and error handling as the rest of the client.
 */
export async function uploadFile<T>(
  path: string,
  field: string,
  file: File,
  onProgress: (fraction: number) => void,
  { fields = {}, direct = false }: UploadOptions = {},
): Promise<T> {
  const token = direct ? null : await ensureCsrfToken();
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append(field, file);
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", apiUrl(path));
    if (token !== null) xhr.setRequestHeader("X-CSRFToken", token);
    xhr.setRequestHeader("Accept", "application/json");
    if (!direct) xhr.setRequestHeader("Accept-Language", currentLocale());
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () =>
      reject(new ApiError("Can't reach the server. Check your connection and try again.", 0, "network_error"));
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve((direct || !xhr.responseText ? null : JSON.parse(xhr.responseText)) as T);
        return;
      }
      if (direct) {
        reject(new ApiError(storageRefusal(xhr.responseText), xhr.status, "upload_refused"));
        return;
      }
      const response = new Response(xhr.status === 204 ? null : xhr.responseText, {
        status: xhr.status,
        headers: { "Content-Type": "application/json", "Retry-After": xhr.getResponseHeader("Retry-After") ?? "" },
      });
      void toApiError(response).then((error) => {
        if (error.status === 401) onUnauthorized();
        reject(error);
      });
    };
    xhr.send(form);
  });
}

/** S3 answers a refused upload in XML: its <Message> says why (too large, form expired). */
function storageRefusal(body: string): string {
  const message = /<Message>([^<]*)<\/Message>/.exec(body)?.[1];
  return `The upload was refused${message ? `: ${message}` : ""}. Please try again.`;
}
