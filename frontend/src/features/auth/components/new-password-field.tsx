import { Field } from "@/components/field";
import { newPasswordLimits } from "../types";

interface NewPasswordFieldProps {
  label?: string;
  value: string;
  onChange: (value: string) => void;
  errors?: string[];
}

/** A password being chosen (sign-up, reset, change), with the policy's length from the API's schema. */
export function NewPasswordField({ label = "New password", value, onChange, errors }: NewPasswordFieldProps) {
  return (
    <Field
      label={label}
      errors={errors}
      hint={`At least ${newPasswordLimits.minLength} characters, not a common one. A few unrelated words are easy to remember.`}
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
