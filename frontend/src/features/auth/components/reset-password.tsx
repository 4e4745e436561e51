import { useLingui } from "@lingui/react";
import { useState, type FormEvent } from "react";
import { Link, useNavigate } from "@/lib/router";
import { paths } from "@/config/paths";
import { FormError } from "@/components/field";
import { notify } from "@/components/notifications";
import { PageTitle } from "@/components/page-title";
import { useConfirmPasswordReset } from "../api/confirm-password-reset";
import { fieldErrorsOf, formProblem } from "./form-problem";
import { IncompleteLink } from "./link-problem";
import { useLinkToken } from "./link-token";
import { NewPasswordField } from "./new-password-field";

/** The page the password-reset mail links to: a new password, then signed in here and nowhere else. */
export function ResetPasswordForm() {
  const { i18n } = useLingui();
  const token = useLinkToken();
  const reset = useConfirmPasswordReset();
  const navigate = useNavigate();
  const [password, setPassword] = useState("");

  if (!token) {
    return (
      <IncompleteLink>
        <Link to={paths.forgotPassword}>{i18n._("Ask for a new link")}</Link>
      </IncompleteLink>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    reset.mutate(
      { token, new_password: password },
      {
        onSuccess: () => {
          notify(i18n._("Your new password is set and you are signed in. Every other session was signed out."));
          void navigate(paths.today, { replace: true });
        },
      },
    );
  };
  const linkRefused = Boolean(fieldErrorsOf(reset.error, "token"));

  return (
    <div className="auth-card card">
      <PageTitle title={i18n._("Choose a new password")}>{i18n._("Choose a new password")}</PageTitle>
      <p className="subtitle">{i18n._("Setting it signs you out on every other device.")}</p>
      <form onSubmit={submit}>
        <FormError message={formProblem(reset.error, ["new_password"])} />
        {linkRefused && (
          <p>
            <Link to={paths.forgotPassword}>{i18n._("Ask for a new link")}</Link>
          </p>
        )}
        <NewPasswordField value={password} onChange={setPassword} errors={fieldErrorsOf(reset.error, "new_password")} />
        <button type="submit" className="button button-primary button-wide" disabled={reset.isPending}>
          {reset.isPending ? i18n._("Please wait…") : i18n._("Set new password")}
        </button>
      </form>
    </div>
  );
}
