import { useLingui } from "@lingui/react";
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
import { LanguageSection } from "./language-section";
import { ImportJobProgress } from "./import-job-progress";
import { ThemeSection } from "./theme-section";
import { UploadForm } from "./upload-form";

function timeZones(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return zones.includes(current) ? zones : [current, ...zones];
}

const { minimum: FIRST_HOUR, maximum: LAST_HOUR } = settingsLimits.day_start_hour;
const DAY_START_HOURS = Array.from({ length: LAST_HOUR - FIRST_HOUR + 1 }, (_, index) => FIRST_HOUR + index);

function hourLabel(hour: number, i18n: ReturnType<typeof useLingui>["i18n"]): string {
  const time = `${String(hour).padStart(2, "0")}:00`;
  return hour === 0 ? i18n._("{time} (midnight)", { time }) : time;
}

/**
 * `security`: the sign-in and security section, which the accounts feature provides;
 * `notifications`: this device's reminders, from the reminders feature (both composed in app/).
 */
export function SettingsScreen({ security, notifications }: { security?: ReactNode; notifications?: ReactNode }) {
  const { i18n } = useLingui();
  return (
    <>
      <PageTitle title={i18n._("Settings")}>{i18n._("Settings")}</PageTitle>
      <LanguageSection />
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
  const { i18n } = useLingui();
  const user = useSignedInUser();
  const update = useUpdateMe();
  const [zone, setZone] = useState(user.time_zone);
  const [hour, setHour] = useState(user.day_start_hour);
  const zones = useMemo(() => timeZones(user.time_zone), [user.time_zone]);
  const fieldErrors = update.error instanceof ApiError ? update.error.fieldErrors : {};

  const save = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ time_zone: zone, day_start_hour: hour }, { onSuccess: () => notify(i18n._("Settings saved.")) });
  };

  return (
    <section className="card" aria-labelledby="day-title">
      <h2 id="day-title">{i18n._("Your day")}</h2>
      <form onSubmit={save}>
        <FormError message={update.isError ? errorMessage(update.error) : null} />
        <Field
          label={i18n._("Time zone")}
          errors={fieldErrors.time_zone}
          hint={i18n._("Check-ins are dated in this zone.")}
        >
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
          label={i18n._("New day starts at")}
          errors={fieldErrors.day_start_hour}
          hint={i18n._("Night owls: a check-in before this hour counts for the previous day.")}
        >
          {(props) => (
            <select {...props} value={hour} onChange={(event) => setHour(Number(event.target.value))}>
              {DAY_START_HOURS.map((value) => (
                <option key={value} value={value}>
                  {hourLabel(value, i18n)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" className="button button-primary" disabled={update.isPending}>
          {update.isPending ? i18n._("Saving…") : i18n._("Save")}
        </button>
      </form>
    </section>
  );
}

function BackupSection() {
  const { i18n } = useLingui();
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
      <h2 id="backup-title">{i18n._("Backup (restores everything here)")}</h2>
      <p>
        {i18n._(
          "Everything in your account: each habit with its schedule, weekdays, colour and place in the list, and every check-in with its amount and note. Restoring a backup here brings all of it back exactly.",
        )}
      </p>
      <a className="button" href={exportBackupUrl} download>
        {i18n._("Download backup (.zip)")}
      </a>
      <UploadForm
        label={i18n._("Backup file (.zip)")}
        accept=".zip,application/zip"
        button={i18n._("Restore backup")}
        pendingButton={i18n._("Restoring…")}
        missingFile={i18n._("Choose a backup file (.zip) first.")}
        pending={restore.isPending}
        progress={progress}
        ready={confirmed}
        onFile={start}
      >
        <label className="confirm">
          <input type="checkbox" checked={confirmed} onChange={(event) => setConfirmed(event.target.checked)} />
          {i18n._("Replace all my habits and check-ins with the backup's")}
        </label>
      </UploadForm>
      <ImportJobProgress job={job} />
      <FormError
        message={restore.isError ? i18n._("Restore failed: {reason}", { reason: errorMessage(restore.error) }) : null}
      />
      {result && (
        <div role="status" className="import-result">
          <p>
            <strong>{i18n._("Backup restored.")}</strong>
          </p>
          <ul>
            <li>
              {i18n._(
                "{habits, plural, one {# habit} other {# habits}} and {entries, plural, one {# check-in} other {# check-ins}} restored",
                { habits: result.habits_restored, entries: result.entries_restored },
              )}
            </li>
            <li>
              {i18n._(
                "{habits, plural, one {# habit} other {# habits}} and {entries, plural, one {# check-in} other {# check-ins}} replaced",
                { habits: result.habits_replaced, entries: result.entries_replaced },
              )}
            </li>
          </ul>
        </div>
      )}
    </section>
  );
}

function LoopSection() {
  const { i18n } = useLingui();
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
      <h2 id="loop-title">{i18n._("Loop CSV (for other apps)")}</h2>
      <p>
        {i18n._(
          "Loop Habit Tracker's CSV export, written exactly as Loop writes it, for the apps that read it. It cannot hold weekdays or calendar periods: keep a backup for those.",
        )}
      </p>
      <a className="button" href={exportLoopUrl} download>
        {i18n._("Download Loop CSV (.zip)")}
      </a>
      <p>
        {i18n._(
          "To bring your history from Loop, choose its CSV zip (Settings → Export as CSV) or its full backup (Settings → Export full backup, a .db file). Habits are matched by name; the summary shows what was created and updated.",
        )}
      </p>
      <UploadForm
        label={i18n._("Loop CSV zip or Loop backup (.db)")}
        accept=".zip,.db,application/zip,application/x-sqlite3"
        button={i18n._("Import")}
        pendingButton={i18n._("Importing…")}
        missingFile={i18n._("Choose a Loop file (.zip or .db) first.")}
        pending={importLoop.isPending}
        progress={progress}
        onFile={start}
      />
      <ImportJobProgress job={job} />
      <FormError
        message={
          importLoop.isError ? i18n._("Import failed: {reason}", { reason: errorMessage(importLoop.error) }) : null
        }
      />
      {result && (
        <div role="status" className="import-result">
          <p>
            <strong>{i18n._("Import finished.")}</strong>
          </p>
          <ul>
            <li>
              {i18n._("{created, plural, one {# habit} other {# habits}} created, {updated} updated", {
                created: result.habits_created,
                updated: result.habits_updated,
              })}
            </li>
            <li>
              {i18n._("{created, plural, one {# check-in} other {# check-ins}} created, {updated} updated", {
                created: result.entries_created,
                updated: result.entries_updated,
              })}
            </li>
          </ul>
        </div>
      )}
    </section>
  );
}

function SignOutSection() {
  const { i18n } = useLingui();
  const logout = useLogout();
  const navigate = useNavigate();
  const user = useSignedInUser();
  return (
    <section className="card" aria-labelledby="account-title">
      <h2 id="account-title">{i18n._("Account")}</h2>
      <p>{i18n._("Signed in as {email}.", { email: user.email })}</p>
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
        {i18n._("Sign out")}
      </button>
    </section>
  );
}

function DeleteAccountSection() {
  const { i18n } = useLingui();
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
          notify(i18n._("Your account and all its data were deleted."));
          void navigate(paths.signUp);
        },
      },
    );
  };

  return (
    <section className="card danger-zone" aria-labelledby="delete-title">
      <h2 id="delete-title">{i18n._("Delete account")}</h2>
      <p>
        {i18n._(
          "This deletes your account, every habit and every check-in. It cannot be undone. Download a backup first if you want a copy.",
        )}
      </p>
      <form onSubmit={submit}>
        <FormError message={remove.isError && !fieldErrors.password ? errorMessage(remove.error) : null} />
        <Field label={i18n._("Your password, to confirm")} errors={fieldErrors.password}>
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
          {i18n._("Delete my account")}
        </button>
      </form>
    </section>
  );
}
