import { useState, type FormEvent } from "react";
import { entryLimits } from "../../api/put-entry";
import type { Habit } from "../../types";
import { formatNumber } from "../format";

interface AmountEntryProps {
  habit: Habit;
  /** The id of the text that says where the habit stands today. */
  describedBy: string;
  /** The new amount, or null to clear the day. */
  onSave: (value: number | null) => void;
}

const STEP = 1;

/** Today's amount of a measurable habit: typed (saved on Enter or leaving the field) or stepped by one. */
export function AmountEntry({ habit, describedBy, onSave }: AmountEntryProps) {
  const current = habit.today_entry?.status === "done" ? habit.today_entry.value : null;
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? (current === null ? "" : formatNumber(current));
  const unit = habit.unit ? ` (${habit.unit})` : "";
  const minimum = entryLimits.value.minimum;

  const commit = (event?: FormEvent) => {
    event?.preventDefault();
    if (draft === null) return;
    setDraft(null);
    const trimmed = draft.trim();
    if (trimmed === "") {
      if (current !== null) onSave(null);
      return;
    }
    const value = Number(trimmed.replace(",", "."));
    if (Number.isFinite(value) && value >= minimum && value !== current) onSave(value);
  };

  const stepBy = (delta: number) => {
    const base = Number((draft ?? String(current ?? 0)).replace(",", ".")) || 0;
    setDraft(null);
    onSave(Math.max(minimum, Math.round((base + delta) * 100) / 100));
  };

  return (
    <form className="amount-entry" onSubmit={commit}>
      <button
        type="button"
        className="step-button"
        aria-label={`Decrease ${habit.name} by ${STEP}`}
        onClick={() => stepBy(-STEP)}
      >
        −
      </button>
      <input
        className="amount-input"
        type="text"
        inputMode="decimal"
        aria-label={`${habit.name}${unit}`}
        aria-describedby={describedBy}
        placeholder="0"
        value={shown}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={() => commit()}
      />
      <button
        type="button"
        className="step-button"
        aria-label={`Increase ${habit.name} by ${STEP}`}
        onClick={() => stepBy(STEP)}
      >
        +
      </button>
    </form>
  );
}
