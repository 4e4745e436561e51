import { useEffect, useRef, useState, type FormEvent } from "react";
import { useLingui } from "@lingui/react";
import { Field, FormError } from "@/components/field";
import { ApiError, type FieldErrors } from "@/lib/api-client";
import { habitLimits, validateHabitInput, type HabitInput } from "../../api/create-habit";
import { ColourPicker } from "./colour-picker";
import { GroupField } from "./group-field";
import { emptyHabitInput, toDraft, toInput, type Draft, type DraftChange } from "./habit-draft";
import { KindFieldset } from "./kind-fieldset";
import { ScheduleFieldset } from "./schedule-fieldset";
import { TargetFieldset } from "./target-fieldset";

interface HabitFormProps {
  initial?: HabitInput;
  submitLabel: string;
  /** Saves the habit; a refusal with field errors marks the fields, any other shows above the form. */
  onSubmit: (input: HabitInput) => Promise<unknown>;
  onCancel: () => void;
}

/** Creates or edits a habit: checked here first, then by the API; the first invalid field takes focus. */
export function HabitForm({ initial = emptyHabitInput, submitLabel, onSubmit, onCancel }: HabitFormProps) {
  const { i18n } = useLingui();
  const [draft, setDraft] = useState<Draft>(() => toDraft(initial));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (Object.keys(errors).length === 0) return;
    formRef.current?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus();
  }, [errors]);

  const change: DraftChange = (patch) => setDraft((current) => ({ ...current, ...patch }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = toInput(draft);
    const found = validateHabitInput(input);
    if (draft.preset === "weekdays" && draft.weekdays.length === 0) {
      (found.weekdays ??= []).push(i18n._("Choose at least one day."));
    }
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    try {
      await onSubmit(input);
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fieldErrors).length > 0) {
        setErrors(error.fieldErrors);
        setFormError(error.fieldErrors.non_field_errors?.join(" ") ?? i18n._("Please correct the marked fields."));
      } else {
        setFormError(error instanceof ApiError ? error.message : i18n._("Something went wrong. Please try again."));
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <form ref={formRef} className="habit-form" onSubmit={submit} noValidate>
      <FormError message={formError} />
      <Field label={i18n._("Name")} errors={errors.name}>
        {(props) => (
          <input
            {...props}
            type="text"
            required
            maxLength={habitLimits.name.maxLength}
            value={draft.name}
            onChange={(event) => change({ name: event.target.value })}
          />
        )}
      </Field>
      <Field
        label={i18n._("Question (optional)")}
        hint={i18n._("Shown on Today, e.g. “Did you meditate today?”")}
        errors={errors.question}
      >
        {(props) => (
          <input
            {...props}
            type="text"
            value={draft.question}
            onChange={(event) => change({ question: event.target.value })}
          />
        )}
      </Field>
      <Field label={i18n._("Description (optional)")} errors={errors.description}>
        {(props) => (
          <textarea
            {...props}
            rows={2}
            value={draft.description}
            onChange={(event) => change({ description: event.target.value })}
          />
        )}
      </Field>
      <ColourPicker value={draft.color} errors={errors.color} onChange={(color) => change({ color })} />
      <KindFieldset kind={draft.kind} onChange={(kind) => change({ kind })} />
      {draft.kind === "numeric" && <TargetFieldset draft={draft} errors={errors} onChange={change} />}
      <ScheduleFieldset draft={draft} errors={errors} onChange={change} />
      <GroupField value={draft.group} errors={errors.group} onChange={(group) => change({ group })} />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? i18n._("Saving…") : submitLabel}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {i18n._("Cancel")}
        </button>
      </div>
    </form>
  );
}
