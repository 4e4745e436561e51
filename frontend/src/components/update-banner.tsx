import { applyUpdate, useUpdateReady } from "@/lib/service-worker";

/** Offers the new version of the app once it has been downloaded in the background. */
export function UpdateBanner() {
  const ready = useUpdateReady();
  if (!ready) return null;
  return (
    <p className="app-banner" role="status">
      A new version of the app is ready.
      <button type="button" className="link-button" onClick={applyUpdate}>
        Reload to use it
      </button>
    </p>
  );
}
