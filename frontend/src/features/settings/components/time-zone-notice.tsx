import { useLingui } from "@lingui/react";
import { useState } from "react";
import { browserTimeZone, useSignedInUser } from "@/lib/auth";
import { notify } from "@/components/notifications";
import { errorMessage } from "@/components/status";
import { useUpdateMe } from "../api/update-me";

const KEPT_PREFIX = "habits-zone-kept:";

function keptKey(account: string, device: string): string {
  return `${KEPT_PREFIX}${account}>${device}`;
}

function wasKept(key: string): boolean {
  try {
    return window.localStorage.getItem(key) === "1";
  } catch {
    return false;
  }
}

/**
 * Offers the device's time zone when the account's differs (an account made elsewhere, a demo
 * account made in UTC, a move): the user's days, and so every check-in's date, follow the account's
 * zone. Choosing to keep it is remembered on this device for that pair of zones.
 */
export function TimeZoneNotice() {
  const { i18n } = useLingui();
  const user = useSignedInUser();
  const update = useUpdateMe();
  const device = browserTimeZone();
  const key = keptKey(user.time_zone, device);
  const [kept, setKept] = useState(() => wasKept(key));
  if (device === user.time_zone || kept) return null;

  const keep = () => {
    try {
      window.localStorage.setItem(key, "1");
    } catch {
      // Asked again next time.
    }
    setKept(true);
  };
  const switchZone = () =>
    update.mutate(
      { time_zone: device },
      {
        onSuccess: () => notify(i18n._("Your days now follow {zone}.", { zone: device })),
        onError: (error) => notify(errorMessage(error), "error"),
      },
    );

  return (
    <section className="notice-card" aria-labelledby="zone-title">
      <h2 id="zone-title">{i18n._("Your time zone")}</h2>
      <p>
        {i18n._(
          "Your days follow {accountZone}, but this device is set to {deviceZone}. Check-ins are dated in your account's zone.",
          { accountZone: user.time_zone.replaceAll("_", " "), deviceZone: device.replaceAll("_", " ") },
        )}
      </p>
      <div className="button-row">
        <button type="button" className="button button-primary" disabled={update.isPending} onClick={switchZone}>
          {i18n._("Use {zone}", { zone: device.replaceAll("_", " ") })}
        </button>
        <button type="button" className="button" onClick={keep}>
          {i18n._("Keep {zone}", { zone: user.time_zone.replaceAll("_", " ") })}
        </button>
      </div>
    </section>
  );
}
