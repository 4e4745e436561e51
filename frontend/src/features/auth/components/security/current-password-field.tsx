import { useLingui } from "@lingui/react";
import { Field } from "@/components/field";

interface CurrentPasswordFieldProps {
  value: string;
  onChange: (value: string) => void;
  errors?: string[];
}

/** The password the account has now, which every change to how one signs in asks for again. */
export function CurrentPasswordField({ value, onChange, errors }: CurrentPasswordFieldProps) {
  const { i18n } = useLingui();
  return (
    <Field label={i18n._("Current password")} errors={errors}>
      {(props) => (
        <input
          {...props}
          type="password"
          autoComplete="current-password"
          required
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
