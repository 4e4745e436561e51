import { useLingui } from "@lingui/react";
import { Field } from "@/components/field";
import { useGroups } from "../../api/get-groups";
import type { Draft } from "./habit-draft";

interface GroupFieldProps {
  value: Draft["group"];
  errors?: string[];
  onChange: (group: Draft["group"]) => void;
}

/** Which of the user's groups the habit is in, or none; groups are made under Habits. */
export function GroupField({ value, errors, onChange }: GroupFieldProps) {
  const { i18n } = useLingui();
  const groups = useGroups();
  const options = [...(groups.data ?? [])].sort((a, b) => a.position - b.position);
  // A group chosen before the list arrived (or one since deleted) still shows as chosen.
  const unknown = value !== null && !options.some((group) => group.id === value);
  return (
    <Field label={i18n._("Group")} hint={i18n._("Today and Habits show the habit under its group.")} errors={errors}>
      {(props) => (
        <select
          {...props}
          value={value === null ? "" : String(value)}
          onChange={(event) => onChange(event.target.value === "" ? null : Number(event.target.value))}
        >
          <option value="">{i18n._("No group")}</option>
          {options.map((group) => (
            <option key={group.id} value={group.id}>
              {group.name}
            </option>
          ))}
          {unknown && (
            <option value={value}>{groups.isPending ? i18n._("Loading groups…") : i18n._("A group not found")}</option>
          )}
        </select>
      )}
    </Field>
  );
}
