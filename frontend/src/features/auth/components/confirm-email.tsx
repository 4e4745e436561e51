import type { FormEvent } from "react";
import { Link } from "@/lib/router";
import { paths } from "@/config/paths";
import { FormError } from "@/components/field";
import { PageTitle } from "@/components/page-title";
import { useUser } from "@/lib/auth";
import { useConfirmEmail } from "../api/confirm-email";
import { formProblem } from "./form-problem";
import { IncompleteLink } from "./link-problem";
import { useLinkToken } from "./link-token";

/** The page the address-change mail links to, signed in or not (it may be opened on another device). */
export function ConfirmEmail() {
  const token = useLinkToken();
  const confirm = useConfirmEmail();
  const user = useUser();
  const next = user.data ? <Link to={paths.settings}>Back to Settings</Link> : <Link to={paths.signIn}>Sign in</Link>;

  if (!token) return <IncompleteLink>{next}</IncompleteLink>;

  if (confirm.data) {
    return (
      <div className="auth-card card">
        <PageTitle title="Address changed">Address changed</PageTitle>
        <p>
          From now on you sign in with <strong>{confirm.data.email}</strong>.
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
      <PageTitle title="Confirm your new address">Confirm your new address</PageTitle>
      <p className="subtitle">This makes the address this link was sent to the one you sign in with.</p>
      <form onSubmit={submit}>
        <FormError message={formProblem(confirm.error)} />
        <button type="submit" className="button button-primary button-wide" disabled={confirm.isPending}>
          {confirm.isPending ? "Please wait…" : "Confirm new address"}
        </button>
      </form>
      <p className="auth-switch">{next}</p>
    </div>
  );
}
