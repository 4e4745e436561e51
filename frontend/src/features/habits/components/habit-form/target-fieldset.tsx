import { useLingui } from "@lingui/react";
import type { I18n } from "@lingui/core";
import { Field } from "@/components/field";
import type { FieldErrors } from "@/lib/api-client";
import { apiEnums } from "@/types/api-rules";
import type { HabitInput } from "../../api/create-habit";
import type { Draft, DraftChange } from "./habit-draft";

/** A label for every target type the API knows; a type added to the API fails the type check until it has one. */
function targetTypeLabels(i18n: I18n): Record<HabitInput["target_type"], string> {
  return { at_least: i18n._("At least"), at_most: i18n._("At most") };
}

interface TargetFieldsetProps {
  draft: Pick<Draft, "target_type" | "target_value" | "unit">;
  errors: FieldErrors;
  onChange: DraftChange;
}

/** A measurable habit's target: at least or at most an amount, in a unit. */
export function TargetFieldset({ draft, errors, onChange }: TargetFieldsetProps) {
  const { i18n } = useLingui();
  const labels = targetTypeLabels(i18n);
  return (
    <fieldset className="fieldset">
      <legend>{i18n._("Target")}</legend>
      <div className="inline-fields">
        <Field label={i18n._("Target type")} errors={errors.target_type}>
          {(props) => (
            <select
              {...props}
              value={draft.target_type}
              onChange={(event) => onChange({ target_type: event.target.value as Draft["target_type"] })}
            >
              {apiEnums.TargetTypeEnum.map((type) => (
                <option key={type} value={type}>
                  {labels[type]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={i18n._("Target amount")} errors={errors.target_value}>
          {(props) => (
            <input
              {...props}
              type="text"
              inputMode="decimal"
              value={draft.target_value}
              onChange={(event) => onChange({ target_value: event.target.value })}
            />
          )}
        </Field>
        <Field label={i18n._("Unit")} errors={errors.unit}>
          {(props) => (
            <input
              {...props}
              type="text"
              placeholder={i18n._("km")}
              value={draft.unit}
              onChange={(event) => onChange({ unit: event.target.value })}
            />
          )}
        </Field>
      </div>
    </fieldset>
  );
}
