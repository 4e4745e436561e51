import { useLingui } from "@lingui/react";
import { useState, type FormEvent, type ReactNode } from "react";
import { Link, useNavigate, useSearchParams } from "@/lib/router";
import { paths } from "@/config/paths";
import { useLogin } from "@/lib/auth";
import { Field, FormError } from "@/components/field";
import { PageTitle } from "@/components/page-title";
import { richText } from "@/components/rich-text";
import { passkeysSupported } from "../webauthn";
import { fieldErrorsOf, formProblem } from "./form-problem";
import { NewPasswordField } from "./new-password-field";
import { PasskeySignIn } from "./passkey-sign-in";

/** Only same-site paths are followed after sign-in, never an absolute URL from the query string. */
export function safeNext(next: string | null): string {
  return next && next.startsWith("/") && !next.startsWith("//") ? next : paths.today;
}

export function SignInForm() {
  const { i18n } = useLingui();
  const login = useLogin();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const signedIn = () => void navigate(safeNext(params.get("next")), { replace: true });
  return (
    <AuthForm
      mode="sign-in"
      pending={login.isPending}
      error={login.error}
      onSubmit={(email, password) => login.mutate({ email, password }, { onSuccess: signedIn })}
    >
      {passkeysSupported() && <PasskeySignIn onSignedIn={signedIn} />}
      <p className="auth-switch">
        {richText(i18n._("New here? <0>Create an account</0>"), [(text) => <Link to={paths.signUp}>{text}</Link>])}
      </p>
    </AuthForm>
  );
}

interface AuthFormProps {
  mode: "sign-in" | "sign-up";
  pending: boolean;
  error: Error | null;
  onSubmit: (email: string, password: string) => void;
  /** What follows the form: other ways in, the way to the other mode. */
  children: ReactNode;
}

/** The address-and-password form of sign-in and sign-up. */
export function AuthForm({ mode, pending, error, onSubmit, children }: AuthFormProps) {
  const { i18n } = useLingui();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const signUp = mode === "sign-up";
  const title = signUp ? i18n._("Create your account") : i18n._("Sign in");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(email.trim(), password);
  };

  return (
    <div className="auth-card card">
      <PageTitle title={title}>{title}</PageTitle>
      <p className="subtitle">
        {signUp
          ? i18n._("Track habits, keep streaks honest, see your progress.")
          : i18n._("Welcome back. Your habits are waiting.")}
      </p>
      <form onSubmit={submit}>
        <FormError message={formProblem(error, ["email", "password"])} />
        <Field label={i18n._("Email")} errors={fieldErrorsOf(error, "email")}>
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
        {signUp ? (
          <NewPasswordField
            label={i18n._("Password")}
            value={password}
            onChange={setPassword}
            errors={fieldErrorsOf(error, "password")}
          />
        ) : (
          <Field label={i18n._("Password")} errors={fieldErrorsOf(error, "password")}>
            {(props) => (
              <input
                {...props}
                type="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(event) => setPassword(event.target.value)}
              />
            )}
          </Field>
        )}
        {!signUp && (
          <p className="forgot-link">
            <Link to={paths.forgotPassword}>{i18n._("Forgot your password?")}</Link>
          </p>
        )}
        <button type="submit" className="button button-primary button-wide" disabled={pending}>
          {pending ? i18n._("Please wait…") : signUp ? i18n._("Create account") : i18n._("Sign in")}
        </button>
      </form>
      {children}
    </div>
  );
}
