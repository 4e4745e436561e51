import { useOnline, usePendingWrites } from "@/lib/sync";

/**
 * Says when the app works offline and how many changes wait for the server, so a check-in made
 * without a connection is never silently lost or silently pending.
 */
export function ConnectionStatus() {
  const online = useOnline();
  const pending = usePendingWrites().length;
  const changes = `${pending} ${pending === 1 ? "change" : "changes"}`;
  let text: string | null = null;
  if (!online)
    text = pending
      ? `You're offline. ${changes} will sync when you're back online.`
      : "You're offline. Check-ins you make are kept on this device and sync when you're back online.";
  else if (pending) text = `${changes} will sync…`;
  return (
    <p className={text ? "app-banner" : "visually-hidden"} role="status">
      {text}
    </p>
  );
}
