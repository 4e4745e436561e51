/** The settings feature's query keys, and the only place they are built. */
export const settingsKeys = {
  all: ["settings"] as const,
  apiTokens: () => [...settingsKeys.all, "api-tokens"] as const,
};
