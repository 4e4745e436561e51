import { useLingui } from "@lingui/react";
import { i18n } from "@lingui/core";
import { useId } from "react";
import { formatNumber } from "@/lib/dates";
import type { ImportJob } from "../api/import-job";

/** What a job that has not ended is doing, in words. */
export function describeImportJob(job: ImportJob): string {
  if (job.state === "waiting_upload" || job.state === "queued") return i18n._("Waiting to start…");
  const { stage, done, total } = job.progress;
  if (stage === "fetch")
    return total
      ? i18n._("Reading the file: {percent}", { percent: formatNumber(done / total, { style: "percent" }) })
      : i18n._("Reading the file…");
  if (stage === "save" && total)
    return i18n._("Saving check-ins: {done} of {total}", { done: formatNumber(done), total: formatNumber(total) });
  if (stage === "save") return i18n._("Saving…");
  return i18n._("Checking the file…");
}

/** A running import's progress: a bar (indeterminate while nothing is counted) and its text, announced. */
export function ImportJobProgress({ job }: { job: ImportJob | null }) {
  const { i18n } = useLingui();
  const id = useId();
  if (job === null || job.state === "done" || job.state === "failed") return null;
  const { done, total } = job.progress;
  const text = describeImportJob(job);
  return (
    <div className="field">
      <label htmlFor={id}>{i18n._("Import progress")}</label>
      {total > 0 ? (
        <progress id={id} max={total} value={done} aria-valuetext={text}>
          {text}
        </progress>
      ) : (
        <progress id={id} aria-valuetext={text}>
          {text}
        </progress>
      )}
      <p role="status">{text}</p>
    </div>
  );
}
