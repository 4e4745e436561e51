import { useLingui } from "@lingui/react";
import { useEffect, useState } from "react";
import { FormError } from "@/components/field";
import { Loading, errorMessage } from "@/components/status";
import { usePushKey } from "../api/get-push-key";
import {
  PushRefused,
  currentSubscription,
  pushAvailability,
  turnOffPush,
  turnOnPush,
  type PushAvailability,
} from "../push-device";

type DeviceState = { availability: PushAvailability; subscribed: boolean } | null;

type I18n = ReturnType<typeof useLingui>["i18n"];

function unavailable(i18n: I18n): Record<Exclude<PushAvailability, "ready">, string> {
  return {
    unsupported: i18n._("This browser cannot show notifications from websites. Reminders by email still work."),
    "no-worker": i18n._(
      "Notifications need the app's background worker, which has not started in this tab. Reload the page and try again.",
    ),
    denied: i18n._(
      "Notifications are blocked for this site. Allow them in your browser's site settings, then reload this page.",
    ),
  };
}

/** Why turning on failed; a refusal for good ("denied") is explained by the state that follows. */
function refused(i18n: I18n): Record<Exclude<PushRefused["reason"], "denied">, string> {
  return {
    dismissed: i18n._("Notifications stay off: the browser did not get your permission."),
    "no-worker": unavailable(i18n)["no-worker"],
    "push-service": i18n._(
      "This browser's notification service could not be reached. Check your connection and try again.",
    ),
  };
}

/** Reads what the browser says about push here; null while it answers. */
async function readDevice(): Promise<NonNullable<DeviceState>> {
  const availability = await pushAvailability();
  const subscribed = availability === "ready" && (await currentSubscription()) !== null;
  return { availability, subscribed };
}

/** Settings' "Notifications on this device": push reminders need each device to opt in. */
export function DeviceNotifications() {
  const { i18n } = useLingui();
  const key = usePushKey();
  const [device, setDevice] = useState<DeviceState>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState("");
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    void readDevice().then((read) => {
      if (current) setDevice(read);
    });
    return () => {
      current = false;
    };
  }, []);

  const change = async (on: boolean) => {
    setBusy(true);
    setProblem(null);
    setStatus("");
    try {
      if (on) await turnOnPush(key.data!.public_key!);
      else await turnOffPush();
      setStatus(
        on ? i18n._("Notifications are on for this device.") : i18n._("Notifications are off for this device."),
      );
    } catch (error) {
      if (!(error instanceof PushRefused)) setProblem(errorMessage(error));
      else if (error.reason === "denied") setStatus(i18n._("Notifications stay off for this device."));
      else setProblem(refused(i18n)[error.reason]);
    } finally {
      setDevice(await readDevice());
      setBusy(false);
    }
  };

  let body;
  if (key.isPending || device === null) body = <Loading label={i18n._("Checking this device…")} />;
  else if (key.isError) body = <FormError message={errorMessage(key.error)} />;
  else if (!key.data.public_key)
    body = <p>{i18n._("Notifications are not set up on this server. Reminders by email still work.")}</p>;
  else if (device.availability !== "ready") body = <p>{unavailable(i18n)[device.availability]}</p>;
  else
    body = (
      <>
        <p>
          {device.subscribed
            ? i18n._("This device shows your reminders, with Done and Skip to check in without opening the app.")
            : i18n._("Turn on to get your push reminders on this device.")}
        </p>
        <button
          type="button"
          className={device.subscribed ? "button" : "button button-primary"}
          disabled={busy}
          onClick={() => void change(!device.subscribed)}
        >
          {device.subscribed ? i18n._("Turn off notifications") : i18n._("Turn on notifications")}
        </button>
      </>
    );

  return (
    <section className="card" aria-labelledby="device-notifications-title">
      <h2 id="device-notifications-title">{i18n._("Notifications on this device")}</h2>
      <FormError message={problem} />
      {body}
      <p role="status" aria-live="polite" className="hint">
        {status}
      </p>
    </section>
  );
}
