import type { ReactNode } from "react";
import { apiEnums } from "@/types/api-rules";
import type { HabitInput } from "../../api/create-habit";

type Kind = HabitInput["kind"];

/** A label for every kind the API knows; a kind added to the API fails the type check until it has one. */
const KIND_LABELS: Record<Kind, ReactNode> = {
  boolean: (
    <>
      Yes or no <span className="hint">(did it or not)</span>
    </>
  ),
  numeric: (
    <>
      Measurable <span className="hint">(an amount, like km or glasses)</span>
    </>
  ),
};

export function KindFieldset({ kind, onChange }: { kind: Kind; onChange: (kind: Kind) => void }) {
  return (
    <fieldset className="fieldset">
      <legend>Kind</legend>
      {apiEnums.HabitKindEnum.map((option) => (
        <label key={option} className="choice">
          <input type="radio" name="kind" checked={kind === option} onChange={() => onChange(option)} />
          {KIND_LABELS[option]}
        </label>
      ))}
    </fieldset>
  );
}
