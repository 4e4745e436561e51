import { useLingui } from "@lingui/react";
import { useState, type FormEvent } from "react";
import { Link } from "@/lib/router";
import { paths } from "@/config/paths";
import { Field, FormError } from "@/components/field";
import { notify } from "@/components/notifications";
import { errorMessage } from "@/components/status";
import { ApiError } from "@/lib/api-client";
import { useSignedInUser } from "@/lib/auth";
import { richText } from "@/components/rich-text";
import { ISO_WEEKDAYS, weekdayName } from "@/lib/dates";
import type { Reminder, ReminderChannel, ReminderSummary, ReminderWeekday } from "../api/contract";
import { useDeleteReminder } from "../api/delete-reminder";
import { usePutReminder } from "../api/put-reminder";

interface ReminderSectionProps {
  habitId: number;
  /** The habit's ISO weekdays (1 = Monday); empty when it is not tied to weekdays (every day may count). */
  habitWeekdays: number[];
  /** The reminder the habit carries, or null. */
  reminder: ReminderSummary | null;
  /** After a save or a removal: the app refreshes the habit, which carries its reminder. */
  onChanged?: () => void | Promise<void>;
}

const DEFAULT_TIME = "09:00";
function channels(
  i18n: ReturnType<typeof useLingui>["i18n"],
): { value: ReminderChannel; label: string; hint: string }[] {
  return [
    {
      value: "push",
      label: i18n._("Notification"),
      hint: i18n._("On the devices where you turned notifications on."),
    },
    { value: "email", label: i18n._("Email"), hint: i18n._("To your account's address.") },
  ];
}

/** The habit's days in the reminder's numbering (Monday = 0); all seven when it has none. */
function scheduledDays(habitWeekdays: number[]): ReminderWeekday[] {
  const days = habitWeekdays.length ? habitWeekdays.map((iso) => (iso - 1) as ReminderWeekday) : [0, 1, 2, 3, 4, 5, 6];
  return [...new Set(days)].sort((a, b) => a - b);
}

function sameDays(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((day) => b.includes(day));
}

function formatNext(next: string, timeZone: string, locale: string): string {
  return new Date(next).toLocaleString(locale, {
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
  });
}

/** One reminder per habit: a time of day, its days (the habit's by default) and how it arrives. */
export function ReminderSection({ habitId, habitWeekdays, reminder, onChanged }: ReminderSectionProps) {
  const { i18n } = useLingui();
  const user = useSignedInUser();
  const habitDays = scheduledDays(habitWeekdays);
  const [saved, setSaved] = useState<ReminderSummary | Reminder | null>(reminder);
  const [time, setTime] = useState(reminder?.time ?? DEFAULT_TIME);
  const [days, setDays] = useState<ReminderWeekday[]>(reminder?.weekdays ?? habitDays);
  const [channel, setChannel] = useState<ReminderChannel>(reminder?.channel ?? "push");
  const [noDays, setNoDays] = useState(false);
  const put = usePutReminder({ mutationConfig: { onSuccess: () => onChanged?.() } });
  const remove = useDeleteReminder({ mutationConfig: { onSuccess: () => onChanged?.() } });
  const fieldErrors = put.error instanceof ApiError ? put.error.fieldErrors : {};

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (days.length === 0) {
      setNoDays(true);
      return;
    }
    setNoDays(false);
    remove.reset();
    // The habit's own days are sent as null, so the reminder follows a later change of schedule.
    const weekdays = sameDays(days, habitDays) ? null : [...days].sort((a, b) => a - b);
    put.mutate(
      { habitId, input: { time, weekdays, channel } },
      {
        onSuccess: (result) => {
          setSaved(result);
          notify(i18n._("Reminder saved."));
        },
      },
    );
  };

  const drop = () => {
    put.reset();
    remove.mutate(habitId, {
      onSuccess: () => {
        setSaved(null);
        setTime(DEFAULT_TIME);
        setDays(habitDays);
        setChannel("push");
        notify(i18n._("Reminder removed."));
      },
    });
  };

  const toggleDay = (day: ReminderWeekday, on: boolean) =>
    setDays((current) => (on ? [...current, day] : current.filter((other) => other !== day)));

  const next = saved && "next" in saved ? saved.next : null;
  const dayErrors = noDays ? [i18n._("Choose at least one day.")] : fieldErrors.weekdays;

  return (
    <section className="card" aria-labelledby="reminder-title">
      <h2 id="reminder-title">{i18n._("Reminder")}</h2>
      <p role="status" aria-live="polite">
        {saved
          ? next
            ? i18n._("Reminds you at {time}; next: {next}.", {
                time: saved.time,
                next: formatNext(next, user.time_zone, i18n.locale),
              })
            : i18n._("Reminds you at {time}.", { time: saved.time })
          : i18n._("No reminder yet.")}
      </p>
      <form onSubmit={save} noValidate>
        <FormError
          message={
            put.isError && !Object.keys(fieldErrors).length
              ? errorMessage(put.error)
              : remove.isError
                ? errorMessage(remove.error)
                : null
          }
        />
        <Field
          label={i18n._("Time")}
          errors={fieldErrors.time}
          hint={i18n._("In your time zone, {zone}.", { zone: user.time_zone.replaceAll("_", " ") })}
        >
          {(props) => (
            <input {...props} type="time" required value={time} onChange={(event) => setTime(event.target.value)} />
          )}
        </Field>
        <fieldset className="fieldset nested" aria-describedby="reminder-days-hint">
          <legend>{i18n._("Days")}</legend>
          <p id="reminder-days-hint" className="hint">
            {i18n._("The habit's scheduled days unless you choose others.")}
          </p>
          <div className="weekday-picker">
            {ISO_WEEKDAYS.map((iso) => {
              const day = (iso - 1) as ReminderWeekday;
              return (
                <label key={day} className="weekday">
                  <input
                    type="checkbox"
                    checked={days.includes(day)}
                    onChange={(event) => toggleDay(day, event.target.checked)}
                  />
                  <abbr title={weekdayName(iso, "long")}>{weekdayName(iso, "short")}</abbr>
                </label>
              );
            })}
          </div>
          {dayErrors?.length ? (
            <p className="field-error" role="alert">
              <span aria-hidden="true">⚠ </span>
              {dayErrors.join(" ")}
            </p>
          ) : null}
        </fieldset>
        <fieldset className="fieldset nested">
          <legend>{i18n._("Send it as")}</legend>
          {channels(i18n).map((option) => (
            <label key={option.value} className="choice">
              <input
                type="radio"
                name={`reminder-channel-${habitId}`}
                value={option.value}
                checked={channel === option.value}
                onChange={() => setChannel(option.value)}
              />
              <span>
                {option.label} <span className="hint">— {option.hint}</span>
              </span>
            </label>
          ))}
          {fieldErrors.channel && <p className="field-error">⚠ {fieldErrors.channel.join(" ")}</p>}
          {channel === "push" && (
            <p className="hint">
              {richText(i18n._("Turn notifications on for each device in <0>Settings</0>."), [
                (text) => <Link to={paths.settings}>{text}</Link>,
              ])}
            </p>
          )}
        </fieldset>
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={put.isPending}>
            {put.isPending ? i18n._("Saving…") : saved ? i18n._("Save reminder") : i18n._("Add reminder")}
          </button>
          {saved && (
            <button type="button" className="button button-danger" disabled={remove.isPending} onClick={drop}>
              {i18n._("Remove reminder")}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
