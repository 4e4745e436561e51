import { useId } from "react";
import type { ImportJob } from "../api/import-job";

/** What a job that has not ended is doing, in words. */
export function describeImportJob(job: ImportJob): string {
  if (job.state === "waiting_upload" || job.state === "queued") return "Waiting to start…";
  const { stage, done, total } = job.progress;
  if (stage === "fetch") return total ? `Reading the file: ${Math.round((done / total) * 100)}%` : "Reading the file…";
  if (stage === "save" && total) return `Saving check-ins: ${done} of ${total}`;
  if (stage === "save") return "Saving…";
  return "Checking the file…";
}

/** A running import's progress: a bar (indeterminate while nothing is counted) and its text, announced. */
export function ImportJobProgress({ job }: { job: ImportJob | null }) {
  const id = useId();
  if (job === null || job.state === "done" || job.state === "failed") return null;
  const { done, total } = job.progress;
  const text = describeImportJob(job);
  return (
    <div className="field">
      <label htmlFor={id}>Import progress</label>
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
