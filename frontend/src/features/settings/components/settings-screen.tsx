import { useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from "react";
import { useNavigate } from "react-router";
import { paths } from "@/config/paths";
import { useLogout, useSignedInUser } from "@/lib/auth";
import { Field, FormError } from "@/components/field";
import { notify } from "@/components/notifications";
import { PageTitle } from "@/components/page-title";
import { errorMessage } from "@/components/status";
import { ApiError } from "@/lib/api-client";
import { useDeleteAccount } from "../api/delete-account";
import { exportLoopUrl } from "../api/export-loop";
import { useImportLoop, type ImportResult } from "../api/import-loop";
import { settingsLimits, useUpdateMe } from "../api/update-me";
import { ThemeSection } from "./theme-section";

function timeZones(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return zones.includes(current) ? zones : [current, ...zones];
}

const { minimum: FIRST_HOUR, maximum: LAST_HOUR } = settingsLimits.day_start_hour;
const DAY_START_HOURS = Array.from({ length: LAST_HOUR - FIRST_HOUR + 1 }, (_, index) => FIRST_HOUR + index);

function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, "0")}:00${hour === 0 ? " (midnight)" : ""}`;
}

/** `security`: the sign-in and security section, which the accounts feature provides (composed in app/). */
export function SettingsScreen({ security }: { security?: ReactNode }) {
  return (
    <>
      <PageTitle title="Settings">Settings</PageTitle>
      <DayPreferences />
      <ThemeSection />
      <ImportSection />
      <section className="card" aria-labelledby="export-title">
        <h2 id="export-title">Export</h2>
        <p>Download all your habits and check-ins as a Loop Habit Tracker CSV zip.</p>
        <a className="button" href={exportLoopUrl} download>
          Download export (.zip)
        </a>
      </section>
      {security}
      <SignOutSection />
      <DeleteAccountSection />
    </>
  );
}

function DayPreferences() {
  const user = useSignedInUser();
  const update = useUpdateMe();
  const [zone, setZone] = useState(user.time_zone);
  const [hour, setHour] = useState(user.day_start_hour);
  const zones = useMemo(() => timeZones(user.time_zone), [user.time_zone]);
  const fieldErrors = update.error instanceof ApiError ? update.error.fieldErrors : {};

  const save = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ time_zone: zone, day_start_hour: hour }, { onSuccess: () => notify("Settings saved.") });
  };

  return (
    <section className="card" aria-labelledby="day-title">
      <h2 id="day-title">Your day</h2>
      <form onSubmit={save}>
        <FormError message={update.isError ? errorMessage(update.error) : null} />
        <Field label="Time zone" errors={fieldErrors.time_zone} hint="Check-ins are dated in this zone.">
          {(props) => (
            <select {...props} value={zone} onChange={(event) => setZone(event.target.value)}>
              {zones.map((name) => (
                <option key={name} value={name}>
                  {name.replaceAll("_", " ")}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label="New day starts at"
          errors={fieldErrors.day_start_hour}
          hint="Night owls: a check-in before this hour counts for the previous day."
        >
          {(props) => (
            <select {...props} value={hour} onChange={(event) => setHour(Number(event.target.value))}>
              {DAY_START_HOURS.map((value) => (
                <option key={value} value={value}>
                  {hourLabel(value)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" className="button button-primary" disabled={update.isPending}>
          {update.isPending ? "Saving…" : "Save"}
        </button>
      </form>
    </section>
  );
}

function ImportSection() {
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const importLoop = useImportLoop({ onProgress: setProgress });
  const id = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
    setResult(null);
    if (!file) {
      notify("Choose a Loop backup file (.zip) first.", "error");
      return;
    }
    setProgress(0);
    importLoop.mutate(file, {
      onSuccess: (summary) => setResult(summary),
      onSettled: () => setProgress(null),
    });
  };

  return (
    <section className="card" aria-labelledby="import-title">
      <h2 id="import-title">Import from Loop Habit Tracker</h2>
      <p>
        In Loop, open Settings → Export as CSV, then choose that zip here. The summary below shows what was created and
        what was updated.
      </p>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-file`}>Loop CSV zip</label>
          <input id={`${id}-file`} ref={fileRef} type="file" accept=".zip,application/zip" />
        </div>
        <button type="submit" className="button button-primary" disabled={importLoop.isPending}>
          {importLoop.isPending ? "Importing…" : "Import"}
        </button>
      </form>
      {progress !== null && (
        <div className="field">
          <label htmlFor={`${id}-progress`}>Upload progress</label>
          <progress id={`${id}-progress`} max={1} value={progress}>
            {Math.round(progress * 100)}%
          </progress>
        </div>
      )}
      <FormError message={importLoop.isError ? `Import failed: ${errorMessage(importLoop.error)}` : null} />
      {result && (
        <div role="status" className="import-result">
          <p>
            <strong>Import finished.</strong>
          </p>
          <ul>
            <li>
              {result.habits_created} habits created, {result.habits_updated} updated
            </li>
            <li>
              {result.entries_created} check-ins created, {result.entries_updated} updated
            </li>
          </ul>
        </div>
      )}
    </section>
  );
}

function SignOutSection() {
  const logout = useLogout();
  const navigate = useNavigate();
  const user = useSignedInUser();
  return (
    <section className="card" aria-labelledby="account-title">
      <h2 id="account-title">Account</h2>
      <p>Signed in as {user.email}.</p>
      <button
        type="button"
        className="button"
        onClick={() =>
          logout.mutate(undefined, {
            onSuccess: () => void navigate(paths.signIn),
            onError: (error) => notify(errorMessage(error), "error"),
          })
        }
      >
        Sign out
      </button>
    </section>
  );
}

function DeleteAccountSection() {
  const [password, setPassword] = useState("");
  const remove = useDeleteAccount();
  const navigate = useNavigate();
  const fieldErrors = remove.error instanceof ApiError ? remove.error.fieldErrors : {};

  const submit = (event: FormEvent) => {
    event.preventDefault();
    remove.mutate(
      { password },
      {
        onSuccess: () => {
          notify("Your account and all its data were deleted.");
          void navigate(paths.signUp);
        },
      },
    );
  };

  return (
    <section className="card danger-zone" aria-labelledby="delete-title">
      <h2 id="delete-title">Delete account</h2>
      <p>
        This deletes your account, every habit and every check-in. It cannot be undone. Export first if you want a copy.
      </p>
      <form onSubmit={submit}>
        <FormError message={remove.isError && !fieldErrors.password ? errorMessage(remove.error) : null} />
        <Field label="Your password, to confirm" errors={fieldErrors.password}>
          {(props) => (
            <input
              {...props}
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="button button-danger" disabled={!password || remove.isPending}>
          Delete my account
        </button>
      </form>
    </section>
  );
}
