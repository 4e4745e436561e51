import { useLingui } from "@lingui/react";
import { useOnline, usePendingWrites } from "@/lib/sync";

/**
 * Says when the app works offline and how many changes wait for the server, so a check-in made
 * without a connection is never silently lost or silently pending.
 */
export function ConnectionStatus() {
  const { i18n } = useLingui();
  const online = useOnline();
  const pending = usePendingWrites().length;
  let text: string | null = null;
  if (!online)
    text = pending
      ? i18n._(
          "You're offline. {pending, plural, one {# change} other {# changes}} will sync when you're back online.",
          { pending },
        )
      : i18n._("You're offline. Check-ins you make are kept on this device and sync when you're back online.");
  else if (pending) text = i18n._("{pending, plural, one {# change} other {# changes}} will sync…", { pending });
  return (
    <p className={text ? "app-banner" : "visually-hidden"} role="status">
      {text}
    </p>
  );
}
