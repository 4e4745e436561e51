import { useLingui } from "@lingui/react";
import { Link } from "@/lib/router";
import { paths } from "@/config/paths";
import { richText } from "@/components/rich-text";
import { useRegister } from "../api/register";
import { AuthForm } from "./auth-form";
import { CheckInbox } from "./check-inbox";

/** Sign-up asks for the account; the emailed link makes it (sign-up-confirm.tsx). */
export function SignUpForm() {
  const { i18n } = useLingui();
  const register = useRegister();
  if (register.data) {
    return (
      <CheckInbox sent={register.data}>
        <p className="auth-switch">
          {richText(i18n._("Wrong address? <0>Start again</0>"), [
            (text) => (
              <button type="button" className="link-button" onClick={() => register.reset()}>
                {text}
              </button>
            ),
          ])}
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
        {richText(i18n._("Already have an account? <0>Sign in</0>"), [(text) => <Link to={paths.signIn}>{text}</Link>])}
      </p>
    </AuthForm>
  );
}
