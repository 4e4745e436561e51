import { createPushSubscription } from "./api/create-push-subscription";
import { deletePushSubscription } from "./api/delete-push-subscription";
import { getPushSubscriptions } from "./api/get-push-subscriptions";

/**
 * This device's side of push: whether the browser can take it, asking permission, subscribing
 * through the app's service worker with the server's key, and telling the server (or undoing it).
 */

/** Why notifications cannot be turned on here, or "ready". */
export type PushAvailability = "ready" | "unsupported" | "no-worker" | "denied";

export function pushSupported(): boolean {
  return (
    typeof navigator !== "undefined" &&
    "serviceWorker" in navigator &&
    typeof window !== "undefined" &&
    "PushManager" in window &&
    "Notification" in window
  );
}

/** The app's service worker registration, or null (not registered: a development server, an old browser). */
async function registration(): Promise<ServiceWorkerRegistration | null> {
  if (!pushSupported()) return null;
  return (await navigator.serviceWorker.getRegistration()) ?? null;
}

export async function pushAvailability(): Promise<PushAvailability> {
  if (!pushSupported()) return "unsupported";
  if (Notification.permission === "denied") return "denied";
  return (await registration()) ? "ready" : "no-worker";
}

/** The subscription this browser holds for the app, if any. */
export async function currentSubscription(): Promise<PushSubscription | null> {
  return (await (await registration())?.pushManager.getSubscription()) ?? null;
}

/** A VAPID key as the server gives it (base64url) → the bytes `pushManager.subscribe` takes. */
export function applicationServerKey(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replaceAll("-", "+").replaceAll("_", "/");
  const binary = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

export class PushRefused extends Error {
  readonly reason: "denied" | "dismissed" | "no-worker" | "push-service";

  constructor(reason: PushRefused["reason"]) {
    super(reason);
    this.name = "PushRefused";
    this.reason = reason;
  }
}

/**
 * Asks permission (only here, on the person's click), subscribes with the server's key and saves
 * the subscription. If the server does not take it, the browser's subscription is dropped again,
 * so the switch never says "on" for a device the server cannot reach.
 */
export async function turnOnPush(publicKey: string): Promise<void> {
  const permission = await Notification.requestPermission();
  if (permission === "denied") throw new PushRefused("denied");
  if (permission !== "granted") throw new PushRefused("dismissed");
  const worker = await registration();
  if (!worker) throw new PushRefused("no-worker");
  let subscription: PushSubscription;
  try {
    subscription = await worker.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: applicationServerKey(publicKey),
    });
  } catch {
    // The browser's push service (Google's, Mozilla's, Apple's) refused or could not be reached.
    throw new PushRefused("push-service");
  }
  try {
    await createPushSubscription(subscription.toJSON());
  } catch (error) {
    await subscription.unsubscribe().catch(() => undefined);
    throw error;
  }
}

/** Removes this device from the server first (so a failure leaves it on, and says so), then unsubscribes. */
export async function turnOffPush(): Promise<void> {
  const subscription = await currentSubscription();
  if (!subscription) return;
  const saved = (await getPushSubscriptions()).find((record) => record.endpoint === subscription.endpoint);
  if (saved) await deletePushSubscription(saved.id);
  await subscription.unsubscribe();
}
