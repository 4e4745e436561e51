import { useLingui } from "@lingui/react";
import { Field } from "@/components/field";
import { newPasswordLimits } from "../types";

interface NewPasswordFieldProps {
  label?: string;
  value: string;
  onChange: (value: string) => void;
  errors?: string[];
}

/** A password being chosen (sign-up, reset, change), with the policy's length from the API's schema. */
export function NewPasswordField({ label, value, onChange, errors }: NewPasswordFieldProps) {
  const { i18n } = useLingui();
  return (
    <Field
      label={label ?? i18n._("New password")}
      errors={errors}
      hint={i18n._("At least {count} characters, not a common one. A few unrelated words are easy to remember.", {
        count: newPasswordLimits.minLength,
      })}
    >
      {(props) => (
        <input
          {...props}
          type="password"
          autoComplete="new-password"
          required
          minLength={newPasswordLimits.minLength}
          maxLength={newPasswordLimits.maxLength}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
