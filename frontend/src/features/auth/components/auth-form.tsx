import { useState, type FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { paths } from "@/config/paths";
import { ApiError } from "@/lib/api-client";
import { browserTimeZone, useLogin, useRegister } from "@/lib/auth";
import { Field, FormError } from "@/components/field";
import { PageTitle } from "@/components/page-title";
import { errorMessage } from "@/components/status";

/**
 * Django's MinimumLengthValidator default. The OpenAPI schema cannot carry it (the password
 * validators run in the service, not the serializer), so this is the one API limit written here.
 */
const PASSWORD_MIN_LENGTH = 8;

/** Only same-site paths are followed after sign-in, never an absolute URL from the query string. */
export function safeNext(next: string | null): string {
  return next && next.startsWith("/") && !next.startsWith("//") ? next : paths.today;
}

export function SignInForm() {
  const login = useLogin();
  return (
    <AuthForm
      mode="sign-in"
      pending={login.isPending}
      error={login.error}
      onSubmit={(email, password, done) => login.mutate({ email, password }, { onSuccess: done })}
    />
  );
}

export function SignUpForm() {
  const register = useRegister();
  return (
    <AuthForm
      mode="sign-up"
      pending={register.isPending}
      error={register.error}
      onSubmit={(email, password, done) =>
        register.mutate({ email, password, time_zone: browserTimeZone() }, { onSuccess: done })
      }
    />
  );
}

interface AuthFormProps {
  mode: "sign-in" | "sign-up";
  pending: boolean;
  error: Error | null;
  onSubmit: (email: string, password: string, done: () => void) => void;
}

function AuthForm({ mode, pending, error, onSubmit }: AuthFormProps) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const signUp = mode === "sign-up";
  const fieldErrors = error instanceof ApiError ? error.fieldErrors : {};
  const hasFieldErrors = Boolean(fieldErrors.email || fieldErrors.password);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(email.trim(), password, () => void navigate(safeNext(params.get("next")), { replace: true }));
  };

  return (
    <div className="auth-card card">
      <PageTitle title={signUp ? "Create your account" : "Sign in"}>
        {signUp ? "Create your account" : "Sign in"}
      </PageTitle>
      <p className="subtitle">
        {signUp ? "Track habits, keep streaks honest, see your progress." : "Welcome back. Your habits are waiting."}
      </p>
      <form onSubmit={submit}>
        <FormError
          message={error && !hasFieldErrors ? errorMessage(error) : error ? "Please correct the marked fields." : null}
        />
        <Field label="Email" errors={fieldErrors.email}>
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
        <Field
          label="Password"
          errors={fieldErrors.password}
          hint={signUp ? `At least ${PASSWORD_MIN_LENGTH} characters; not a common one.` : undefined}
        >
          {(props) => (
            <input
              {...props}
              type="password"
              autoComplete={signUp ? "new-password" : "current-password"}
              required
              minLength={signUp ? PASSWORD_MIN_LENGTH : undefined}
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="button button-primary button-wide" disabled={pending}>
          {pending ? "Please wait…" : signUp ? "Create account" : "Sign in"}
        </button>
      </form>
      <p className="auth-switch">
        {signUp ? (
          <>
            Already have an account? <Link to={paths.signIn}>Sign in</Link>
          </>
        ) : (
          <>
            New here? <Link to={paths.signUp}>Create an account</Link>
          </>
        )}
      </p>
    </div>
  );
}
