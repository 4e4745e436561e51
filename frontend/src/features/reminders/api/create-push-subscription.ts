import { api } from "@/lib/api-client";
import type { PushSubscriptionRecord } from "./contract";

/** `POST /api/push/subscriptions/` with the browser's `PushSubscription.toJSON()`; the same endpoint again updates its keys. */
export function createPushSubscription(subscription: PushSubscriptionJSON): Promise<PushSubscriptionRecord> {
  return api.post<PushSubscriptionRecord>("/api/push/subscriptions/", subscription);
}
