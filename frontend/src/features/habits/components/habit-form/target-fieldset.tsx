import { Field } from "@/components/field";
import type { FieldErrors } from "@/lib/api-client";
import { apiEnums } from "@/types/api-rules";
import type { HabitInput } from "../../api/create-habit";
import type { Draft, DraftChange } from "./habit-draft";

/** A label for every target type the API knows; a type added to the API fails the type check until it has one. */
const TARGET_TYPE_LABELS: Record<HabitInput["target_type"], string> = {
  at_least: "At least",
  at_most: "At most",
};

interface TargetFieldsetProps {
  draft: Pick<Draft, "target_type" | "target_value" | "unit">;
  errors: FieldErrors;
  onChange: DraftChange;
}

/** A measurable habit's target: at least or at most an amount, in a unit. */
export function TargetFieldset({ draft, errors, onChange }: TargetFieldsetProps) {
  return (
    <fieldset className="fieldset">
      <legend>Target</legend>
      <div className="inline-fields">
        <Field label="Target type" errors={errors.target_type}>
          {(props) => (
            <select
              {...props}
              value={draft.target_type}
              onChange={(event) => onChange({ target_type: event.target.value as Draft["target_type"] })}
            >
              {apiEnums.TargetTypeEnum.map((type) => (
                <option key={type} value={type}>
                  {TARGET_TYPE_LABELS[type]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Target amount" errors={errors.target_value}>
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
        <Field label="Unit" errors={errors.unit}>
          {(props) => (
            <input
              {...props}
              type="text"
              placeholder="km"
              value={draft.unit}
              onChange={(event) => onChange({ unit: event.target.value })}
            />
          )}
        </Field>
      </div>
    </fieldset>
  );
}
