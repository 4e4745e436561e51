import { useLingui } from "@lingui/react";
import { useState, type FormEvent } from "react";
import { Link, useNavigate } from "@/lib/router";
import { paths } from "@/config/paths";
import { Field, FormError } from "@/components/field";
import { notify } from "@/components/notifications";
import { PageTitle } from "@/components/page-title";
import { richText } from "@/components/rich-text";
import { ApiError } from "@/lib/api-client";
import { focusOnMount } from "@/lib/focus-on-mount";
import { useConfirmSignUp } from "../api/confirm-sign-up";
import { fieldErrorsOf, formProblem } from "./form-problem";
import { IncompleteLink } from "./link-problem";
import { useLinkToken } from "./link-token";

/**
 * The page the sign-up mail links to. The account is made when the person says so, not on load: a
 * mail scanner that opens links must not be the one to finish a sign-up. In another browser than
 * the one that signed up, the API asks for the chosen password first.
 */
export function SignUpConfirm() {
  const { i18n } = useLingui();
  const token = useLinkToken();
  const confirm = useConfirmSignUp();
  const navigate = useNavigate();
  const [password, setPassword] = useState("");
  // The API's request for the password (a 400 with errors.password before any was sent).
  const [passwordAsked, setPasswordAsked] = useState<string | null>(null);

  if (!token) {
    return (
      <IncompleteLink>
        <Link to={paths.signUp}>{i18n._("Sign up again")}</Link>
      </IncompleteLink>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const sendsPassword = passwordAsked !== null;
    confirm.mutate(sendsPassword ? { token, password } : { token }, {
      onSuccess: () => {
        notify(i18n._("Welcome! Your account is ready and you are signed in."));
        void navigate(paths.today, { replace: true });
      },
      onError: (error) => {
        const asked = error instanceof ApiError ? error.fieldErrors.password : undefined;
        if (!sendsPassword && asked) setPasswordAsked(asked.join(" "));
      },
    });
  };
  // The first 400 asking for the password is a question, shown as the field's hint, not an error.
  const sentPassword = confirm.variables?.password !== undefined;
  const passwordErrors = sentPassword ? fieldErrorsOf(confirm.error, "password") : undefined;
  const problem =
    !sentPassword && fieldErrorsOf(confirm.error, "password") ? null : formProblem(confirm.error, ["password"]);
  const linkRefused = Boolean(fieldErrorsOf(confirm.error, "token"));

  return (
    <div className="auth-card card">
      <PageTitle title={i18n._("Finish signing up")}>{i18n._("Finish signing up")}</PageTitle>
      <p className="subtitle">{i18n._("One step left: create your account and sign in.")}</p>
      <form onSubmit={submit}>
        <FormError message={problem} />
        {linkRefused && (
          <p>
            {richText(i18n._("<0>Sign in</0> or <1>sign up again</1>"), [
              (text) => <Link to={paths.signIn}>{text}</Link>,
              (text) => <Link to={paths.signUp}>{text}</Link>,
            ])}
          </p>
        )}
        {passwordAsked !== null && (
          <Field label={i18n._("The password you chose")} hint={passwordAsked} errors={passwordErrors}>
            {(props) => (
              <input
                {...props}
                type="password"
                autoComplete="new-password"
                required
                ref={focusOnMount}
                value={password}
                onChange={(event) => setPassword(event.target.value)}
              />
            )}
          </Field>
        )}
        <button type="submit" className="button button-primary button-wide" disabled={confirm.isPending}>
          {confirm.isPending ? i18n._("Please wait…") : i18n._("Create my account")}
        </button>
      </form>
    </div>
  );
}
