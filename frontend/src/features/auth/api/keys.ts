/**
 * The accounts feature's query keys, and the only place they are built (the signed-in user's are
 * `userKeys` in lib/auth.ts).
 */
export const accountKeys = {
  all: ["account"] as const,
  passkeys: () => [...accountKeys.all, "passkeys"] as const,
  localMail: (to: string) => [...accountKeys.all, "local-mail", to] as const,
};
