import { useWaking } from "@/lib/waking";

/** Says, while requests wait for it, that the server is waking up rather than failing. */
export function WakingBanner() {
  const waking = useWaking();
  if (!waking) return null;
  return (
    <p className="waking-banner" role="status">
      <span className="spinner" aria-hidden="true" />
      Waking up after a quiet spell. This can take up to half a minute; nothing you did is lost.
    </p>
  );
}
