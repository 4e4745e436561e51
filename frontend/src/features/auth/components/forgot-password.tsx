import { useState, type FormEvent } from "react";
import { Link } from "@/lib/router";
import { paths } from "@/config/paths";
import { Field, FormError } from "@/components/field";
import { PageTitle } from "@/components/page-title";
import { useRequestPasswordReset } from "../api/request-password-reset";
import { CheckInbox } from "./check-inbox";
import { fieldErrorsOf, formProblem } from "./form-problem";

export function ForgotPasswordForm() {
  const request = useRequestPasswordReset();
  const [email, setEmail] = useState("");

  if (request.data) {
    return (
      <CheckInbox sent={request.data}>
        <p className="auth-switch">
          <Link to={paths.signIn}>Back to sign in</Link>
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
      <PageTitle title="Forgot your password?">Forgot your password?</PageTitle>
      <p className="subtitle">Type the address you sign in with. We will mail you a link to choose a new password.</p>
      <form onSubmit={submit}>
        <FormError message={formProblem(request.error, ["email"])} />
        <Field label="Email" errors={fieldErrorsOf(request.error, "email")}>
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
          {request.isPending ? "Please wait…" : "Mail me a link"}
        </button>
      </form>
      <p className="auth-switch">
        Remembered it? <Link to={paths.signIn}>Sign in</Link>
      </p>
    </div>
  );
}
