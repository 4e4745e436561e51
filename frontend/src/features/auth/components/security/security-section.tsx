import { useLingui } from "@lingui/react";
import { useId } from "react";
import { ChangeEmailForm } from "./change-email-form";
import { ChangePasswordForm } from "./change-password-form";
import { PasskeysPanel } from "./passkeys-panel";

/** Settings' "Sign-in and security": the password, the sign-in address and passkeys. */
export function SecuritySection() {
  const { i18n } = useLingui();
  const titleId = useId();
  return (
    <section className="card security-section" aria-labelledby={titleId}>
      <h2 id={titleId}>{i18n._("Sign-in and security")}</h2>
      <ChangePasswordForm />
      <ChangeEmailForm />
      <PasskeysPanel />
    </section>
  );
}
