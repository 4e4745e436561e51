import { useLingui } from "@lingui/react";
import { useId, useState, type FormEvent } from "react";
import { FormError } from "@/components/field";
import { notify } from "@/components/notifications";
import { useChangePassword } from "../../api/change-password";
import { fieldErrorsOf, formProblem } from "../form-problem";
import { NewPasswordField } from "../new-password-field";
import { CurrentPasswordField } from "./current-password-field";

export function ChangePasswordForm() {
  const { i18n } = useLingui();
  const titleId = useId();
  const change = useChangePassword();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate(
      { current_password: current, new_password: next },
      {
        onSuccess: () => {
          setCurrent("");
          setNext("");
          notify(i18n._("Password changed. Every other device was signed out."));
        },
      },
    );
  };

  return (
    <form onSubmit={submit} aria-labelledby={titleId} className="security-part">
      <h3 id={titleId}>{i18n._("Change password")}</h3>
      <FormError message={formProblem(change.error, ["current_password", "new_password"])} />
      <CurrentPasswordField
        value={current}
        onChange={setCurrent}
        errors={fieldErrorsOf(change.error, "current_password")}
      />
      <NewPasswordField value={next} onChange={setNext} errors={fieldErrorsOf(change.error, "new_password")} />
      <button type="submit" className="button button-primary" disabled={change.isPending}>
        {change.isPending ? i18n._("Saving…") : i18n._("Change password")}
      </button>
    </form>
  );
}
