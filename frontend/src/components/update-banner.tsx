import { useLingui } from "@lingui/react";
import { applyUpdate, useUpdateReady } from "@/lib/service-worker";

/** Offers the new version of the app once it has been downloaded in the background. */
export function UpdateBanner() {
  const { i18n } = useLingui();
  const ready = useUpdateReady();
  if (!ready) return null;
  return (
    <p className="app-banner" role="status">
      {i18n._("A new version of the app is ready.")}
      <button type="button" className="link-button" onClick={applyUpdate}>
        {i18n._("Reload to use it")}
      </button>
    </p>
  );
}
