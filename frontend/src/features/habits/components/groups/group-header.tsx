import { useLingui } from "@lingui/react";
import { formatNumber } from "@/lib/dates";
import type { HabitGroup } from "../../types";

interface GroupHeaderProps {
  group: HabitGroup;
  /** The id of the list the header folds. */
  listId: string;
  done: number;
  due: number;
  onToggle: () => void;
}

/** A group's header on Today: its name and completion ("2/3"); pressing it folds or unfolds the group. */
export function GroupHeader({ group, listId, done, due, onToggle }: GroupHeaderProps) {
  const { i18n } = useLingui();
  const expanded = !group.collapsed;
  const counts = { done: formatNumber(done), due: formatNumber(due) };
  return (
    <h2 className="group-header">
      <button type="button" className="group-toggle" aria-expanded={expanded} aria-controls={listId} onClick={onToggle}>
        <span className="group-chevron" aria-hidden="true">
          {expanded ? "▾" : "▸"}
        </span>
        <span className="group-name">{group.name}</span>
        <span className="group-progress" aria-hidden="true">
          {due ? i18n._("{done}/{due}", counts) : "–"}
        </span>
        <span className="visually-hidden">
          {due ? i18n._(", {done} of {due} due today done", counts) : i18n._(", nothing due today")}
        </span>
      </button>
    </h2>
  );
}
