import { useMemo, useState, type FormEvent, type ReactNode } from "react";
import { useNavigate } from "@/lib/router";
import { paths } from "@/config/paths";
import { useLogout, useSignedInUser } from "@/lib/auth";
import { Field, FormError } from "@/components/field";
import { notify } from "@/components/notifications";
import { PageTitle } from "@/components/page-title";
import { errorMessage } from "@/components/status";
import { ApiError } from "@/lib/api-client";
import { useDeleteAccount } from "../api/delete-account";
import { exportBackupUrl } from "../api/export-backup";
import { exportLoopUrl } from "../api/export-loop";
import type { ImportJob } from "../api/import-job";
import { useImportLoop, type ImportResult } from "../api/import-loop";
import { useRestoreBackup, type RestoreResult } from "../api/restore-backup";
import { settingsLimits, useUpdateMe } from "../api/update-me";
import { ApiTokensSection } from "./api-tokens-section";
import { ImportJobProgress } from "./import-job-progress";
import { ThemeSection } from "./theme-section";
import { UploadForm } from "./upload-form";

function timeZones(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return zones.includes(current) ? zones : [current, ...zones];
}

const { minimum: FIRST_HOUR, maximum: LAST_HOUR } = settingsLimits.day_start_hour;
const DAY_START_HOURS = Array.from({ length: LAST_HOUR - FIRST_HOUR + 1 }, (_, index) => FIRST_HOUR + index);

function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, "0")}:00${hour === 0 ? " (midnight)" : ""}`;
}

/**
 * `security`: the sign-in and security section, which the accounts feature provides;
 * `notifications`: this device's reminders, from the reminders feature (both composed in app/).
 */
export function SettingsScreen({ security, notifications }: { security?: ReactNode; notifications?: ReactNode }) {
  return (
    <>
      <PageTitle title="Settings">Settings</PageTitle>
      <DayPreferences />
      {notifications}
      <ThemeSection />
      <BackupSection />
      <LoopSection />
      {security}
      <ApiTokensSection />
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

function BackupSection() {
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<RestoreResult | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [job, setJob] = useState<ImportJob | null>(null);
  const restore = useRestoreBackup({ onUpload: setProgress, onJob: setJob });

  const start = (file: File) => {
    setResult(null);
    setJob(null);
    setProgress(0);
    restore.mutate(file, {
      onSuccess: (summary) => {
        setResult(summary);
        setConfirmed(false);
      },
      onSettled: () => {
        setProgress(null);
        setJob(null);
      },
    });
  };

  return (
    <section className="card" aria-labelledby="backup-title">
      <h2 id="backup-title">Backup (restores everything here)</h2>
      <p>
        Everything in your account: each habit with its schedule, weekdays, colour and place in the list, and every
        check-in with its amount and note. Restoring a backup here brings all of it back exactly.
      </p>
      <a className="button" href={exportBackupUrl} download>
        Download backup (.zip)
      </a>
      <UploadForm
        label="Backup file (.zip)"
        accept=".zip,application/zip"
        button="Restore backup"
        pendingButton="Restoring…"
        missingFile="Choose a backup file (.zip) first."
        pending={restore.isPending}
        progress={progress}
        ready={confirmed}
        onFile={start}
      >
        <label className="confirm">
          <input type="checkbox" checked={confirmed} onChange={(event) => setConfirmed(event.target.checked)} />
          Replace all my habits and check-ins with the backup&apos;s
        </label>
      </UploadForm>
      <ImportJobProgress job={job} />
      <FormError message={restore.isError ? `Restore failed: ${errorMessage(restore.error)}` : null} />
      {result && (
        <div role="status" className="import-result">
          <p>
            <strong>Backup restored.</strong>
          </p>
          <ul>
            <li>
              {result.habits_restored} habits and {result.entries_restored} check-ins restored
            </li>
            <li>
              {result.habits_replaced} habits and {result.entries_replaced} check-ins replaced
            </li>
          </ul>
        </div>
      )}
    </section>
  );
}

function LoopSection() {
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [job, setJob] = useState<ImportJob | null>(null);
  const importLoop = useImportLoop({ onUpload: setProgress, onJob: setJob });

  const start = (file: File) => {
    setResult(null);
    setJob(null);
    setProgress(0);
    importLoop.mutate(file, {
      onSuccess: (summary) => setResult(summary),
      onSettled: () => {
        setProgress(null);
        setJob(null);
      },
    });
  };

  return (
    <section className="card" aria-labelledby="loop-title">
      <h2 id="loop-title">Loop CSV (for other apps)</h2>
      <p>
        Loop Habit Tracker&apos;s CSV export, written exactly as Loop writes it, for the apps that read it. It cannot
        hold weekdays or calendar periods: keep a backup for those.
      </p>
      <a className="button" href={exportLoopUrl} download>
        Download Loop CSV (.zip)
      </a>
      <p>
        To bring your history from Loop, choose its CSV zip (Settings → Export as CSV) or its full backup (Settings →
        Export full backup, a .db file). Habits are matched by name; the summary shows what was created and updated.
      </p>
      <UploadForm
        label="Loop CSV zip or Loop backup (.db)"
        accept=".zip,.db,application/zip,application/x-sqlite3"
        button="Import"
        pendingButton="Importing…"
        missingFile="Choose a Loop file (.zip or .db) first."
        pending={importLoop.isPending}
        progress={progress}
        onFile={start}
      />
      <ImportJobProgress job={job} />
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
        This deletes your account, every habit and every check-in. It cannot be undone. Download a backup first if you
        want a copy.
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
