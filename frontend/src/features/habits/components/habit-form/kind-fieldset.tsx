import type { I18n } from "@lingui/core";
import { useLingui } from "@lingui/react";
import type { ReactNode } from "react";
import { apiEnums } from "@/types/api-rules";
import type { HabitInput } from "../../api/create-habit";

type Kind = HabitInput["kind"];

/** A label for every kind the API knows; a kind added to the API fails the type check until it has one. */
function kindLabels(i18n: I18n): Record<Kind, ReactNode> {
  return {
    boolean: (
      <>
        {i18n._("Yes or no")} <span className="hint">{i18n._("(did it or not)")}</span>
      </>
    ),
    numeric: (
      <>
        {i18n._("Measurable")} <span className="hint">{i18n._("(an amount, like km or glasses)")}</span>
      </>
    ),
  };
}

export function KindFieldset({ kind, onChange }: { kind: Kind; onChange: (kind: Kind) => void }) {
  const { i18n } = useLingui();
  const labels = kindLabels(i18n);
  return (
    <fieldset className="fieldset">
      <legend>{i18n._("Kind")}</legend>
      {apiEnums.HabitKindEnum.map((option) => (
        <label key={option} className="choice">
          <input type="radio" name="kind" checked={kind === option} onChange={() => onChange(option)} />
          {labels[option]}
        </label>
      ))}
    </fieldset>
  );
}
