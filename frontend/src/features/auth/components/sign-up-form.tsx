import { Link } from "@/lib/router";
import { paths } from "@/config/paths";
import { useRegister } from "../api/register";
import { AuthForm } from "./auth-form";
import { CheckInbox } from "./check-inbox";

/** Sign-up asks for the account; the emailed link makes it (sign-up-confirm.tsx). */
export function SignUpForm() {
  const register = useRegister();
  if (register.data) {
    return (
      <CheckInbox sent={register.data}>
        <p className="auth-switch">
          Wrong address?{" "}
          <button type="button" className="link-button" onClick={() => register.reset()}>
            Start again
          </button>
        </p>
      </CheckInbox>
    );
  }
  return (
    <AuthForm
      mode="sign-up"
      pending={register.isPending}
      error={register.error}
      onSubmit={(email, password) => register.mutate({ email, password })}
    >
      <p className="auth-switch">
        Already have an account? <Link to={paths.signIn}>Sign in</Link>
      </p>
    </AuthForm>
  );
}
