import { useLingui } from "@lingui/react";
import { useState, type FormEvent } from "react";
import { Link } from "@/lib/router";
import { paths } from "@/config/paths";
import { Field, FormError } from "@/components/field";
import { PageTitle } from "@/components/page-title";
import { richText } from "@/components/rich-text";
import { useRequestPasswordReset } from "../api/request-password-reset";
import { CheckInbox } from "./check-inbox";
import { fieldErrorsOf, formProblem } from "./form-problem";

export function ForgotPasswordForm() {
  const { i18n } = useLingui();
  const request = useRequestPasswordReset();
  const [email, setEmail] = useState("");

  if (request.data) {
    return (
      <CheckInbox sent={request.data}>
        <p className="auth-switch">
          <Link to={paths.signIn}>{i18n._("Back to sign in")}</Link>
        </p>
      </CheckInbox>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    request.mutate({ email: email.trim() });
  };

  return (
    <div className="auth-card card">
      <PageTitle title={i18n._("Forgot your password?")}>{i18n._("Forgot your password?")}</PageTitle>
      <p className="subtitle">
        {i18n._("Type the address you sign in with. We will mail you a link to choose a new password.")}
      </p>
      <form onSubmit={submit}>
        <FormError message={formProblem(request.error, ["email"])} />
        <Field label={i18n._("Email")} errors={fieldErrorsOf(request.error, "email")}>
          {(props) => (
            <input
              {...props}
              type="email"
              autoComplete="email"
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="button button-primary button-wide" disabled={request.isPending}>
          {request.isPending ? i18n._("Please wait…") : i18n._("Mail me a link")}
        </button>
      </form>
      <p className="auth-switch">
        {richText(i18n._("Remembered it? <0>Sign in</0>"), [(text) => <Link to={paths.signIn}>{text}</Link>])}
      </p>
    </div>
  );
}
