import { api } from "@/lib/api-client";
import type { PushSubscriptionRecord } from "./contract";

/** `GET /api/push/subscriptions/`: the user's devices that take push (found by endpoint to remove one). */
export function getPushSubscriptions(): Promise<PushSubscriptionRecord[]> {
  return api.get<PushSubscriptionRecord[]>("/api/push/subscriptions/");
}
