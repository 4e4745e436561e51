import { i18n } from "@lingui/core";
import { api, ApiError, uploadFile } from "@/lib/api-client";
import type { components } from "@/types/api";

export type ImportJob = components["schemas"]["ImportJobOutput"];
export type ImportKind = components["schemas"]["ImportKindEnum"];
type ImportJobCreated = components["schemas"]["ImportJobCreatedOutput"];

/** How often a running import is asked for its progress, and for how long at most (the server gives up sooner). */
export const POLL_INTERVAL_MS = 500;
const POLL_LIMIT_MS = 20 * 60 * 1000;

export interface ImportCallbacks {
  /** The uploaded fraction, 0 to 1. */
  onUpload: (fraction: number) => void;
  /** The job each time it is read, until it ends. */
  onJob: (job: ImportJob) => void;
}

function finished(job: ImportJob): boolean {
  return job.state === "done" || job.state === "failed";
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * An import as a job: create it, upload the file where the API says (straight to S3 in AWS, to
 * the API itself locally), say it is uploaded, then follow the job until it ends. Resolves with
 * its result; a failed job rejects with its message (the account is then unchanged).
 */
export async function runImport(kind: ImportKind, file: File, { onUpload, onJob }: ImportCallbacks) {
  const created = await api.post<ImportJobCreated>("/api/import/jobs/", { kind, size: file.size });
  const { url, form_fields: fields, direct } = created.upload;
  await uploadFile<null>(url, "file", file, onUpload, { fields, direct });
  let job = await api.post<ImportJob>(`/api/import/jobs/${created.id}/uploaded/`);
  const deadline = Date.now() + POLL_LIMIT_MS;
  while (!finished(job)) {
    onJob(job);
    if (Date.now() > deadline) {
      throw new ApiError(
        i18n._("The import is taking longer than it should; check your habits later."),
        0,
        "import_timeout",
      );
    }
    await wait(POLL_INTERVAL_MS);
    job = await api.get<ImportJob>(`/api/import/jobs/${created.id}/`);
  }
  onJob(job);
  if (job.state === "failed") throw new ApiError(job.message, 400, "import_failed");
  return job.result ?? {};
}
