/** The reminders feature's query keys, and the only place they are built. */
export const reminderKeys = {
  all: ["reminders"] as const,
  pushKey: () => [...reminderKeys.all, "push-key"] as const,
  subscriptions: () => [...reminderKeys.all, "push-subscriptions"] as const,
};
