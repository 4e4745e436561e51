import { useLingui } from "@lingui/react";
import { useId, useRef, type FormEvent, type ReactNode } from "react";
import { notify } from "@/components/notifications";
import { formatNumber } from "@/lib/dates";

interface UploadFormProps {
  /** The file field's label. */
  label: string;
  accept: string;
  /** The submit button's text, and its text while the upload runs. */
  button: string;
  pendingButton: string;
  /** Said when the form is sent without a file. */
  missingFile: string;
  pending: boolean;
  /** The uploaded fraction while an upload runs, else null. */
  progress: number | null;
  /** False keeps the button disabled (a confirmation not yet given). */
  ready?: boolean;
  onFile: (file: File) => void;
  children?: ReactNode;
}

/** A file field and its submit button, with the upload's progress: the backup and Loop forms. */
export function UploadForm({
  label,
  accept,
  button,
  pendingButton,
  missingFile,
  pending,
  progress,
  ready = true,
  onFile,
  children,
}: UploadFormProps) {
  const { i18n } = useLingui();
  const fileRef = useRef<HTMLInputElement>(null);
  const id = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) {
      notify(missingFile, "error");
      return;
    }
    onFile(file);
  };

  return (
    <form onSubmit={submit} className="upload-form">
      <div className="field">
        <label htmlFor={`${id}-file`}>{label}</label>
        <input id={`${id}-file`} ref={fileRef} type="file" accept={accept} />
      </div>
      {children}
      <button type="submit" className="button button-primary" disabled={pending || !ready}>
        {pending ? pendingButton : button}
      </button>
      {progress !== null && (
        <div className="field">
          <label htmlFor={`${id}-progress`}>{i18n._("Upload progress")}</label>
          <progress id={`${id}-progress`} max={1} value={progress}>
            {formatNumber(progress, { style: "percent" })}
          </progress>
        </div>
      )}
    </form>
  );
}
