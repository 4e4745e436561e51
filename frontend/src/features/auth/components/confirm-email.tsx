import { useLingui } from "@lingui/react";
import type { FormEvent } from "react";
import { Link } from "@/lib/router";
import { paths } from "@/config/paths";
import { FormError } from "@/components/field";
import { PageTitle } from "@/components/page-title";
import { richText } from "@/components/rich-text";
import { useUser } from "@/lib/auth";
import { useConfirmEmail } from "../api/confirm-email";
import { formProblem } from "./form-problem";
import { IncompleteLink } from "./link-problem";
import { useLinkToken } from "./link-token";

/** The page the address-change mail links to, signed in or not (it may be opened on another device). */
export function ConfirmEmail() {
  const { i18n } = useLingui();
  const token = useLinkToken();
  const confirm = useConfirmEmail();
  const user = useUser();
  const next = user.data ? (
    <Link to={paths.settings}>{i18n._("Back to Settings")}</Link>
  ) : (
    <Link to={paths.signIn}>{i18n._("Sign in")}</Link>
  );

  if (!token) return <IncompleteLink>{next}</IncompleteLink>;

  if (confirm.data) {
    return (
      <div className="auth-card card">
        <PageTitle title={i18n._("Address changed")}>{i18n._("Address changed")}</PageTitle>
        <p>
          {richText(i18n._("From now on you sign in with <0>{email}</0>.", { email: confirm.data.email }), [
            (text) => <strong>{text}</strong>,
          ])}
        </p>
        <p className="auth-switch">{next}</p>
      </div>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    confirm.mutate({ token });
  };

  return (
    <div className="auth-card card">
      <PageTitle title={i18n._("Confirm your new address")}>{i18n._("Confirm your new address")}</PageTitle>
      <p className="subtitle">{i18n._("This makes the address this link was sent to the one you sign in with.")}</p>
      <form onSubmit={submit}>
        <FormError message={formProblem(confirm.error)} />
        <button type="submit" className="button button-primary button-wide" disabled={confirm.isPending}>
          {confirm.isPending ? i18n._("Please wait…") : i18n._("Confirm new address")}
        </button>
      </form>
      <p className="auth-switch">{next}</p>
    </div>
  );
}
