import { useLingui } from "@lingui/react";
import { useWaking } from "@/lib/waking";

/** Says, while requests wait for it, that the server is waking up rather than failing. */
export function WakingBanner() {
  const { i18n } = useLingui();
  const waking = useWaking();
  if (!waking) return null;
  return (
    <p className="waking-banner" role="status">
      <span className="spinner" aria-hidden="true" />
      {i18n._("Waking up after a quiet spell. This can take up to half a minute; nothing you did is lost.")}
    </p>
  );
}
