import { api } from "@/lib/api-client";

/** `DELETE /api/push/subscriptions/{id}/`. */
export function deletePushSubscription(id: number): Promise<void> {
  return api.delete(`/api/push/subscriptions/${id}/`);
}
