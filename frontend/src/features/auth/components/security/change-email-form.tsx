import { useLingui } from "@lingui/react";
import { useId, useState, type FormEvent } from "react";
import { Field, FormError } from "@/components/field";
import { richText } from "@/components/rich-text";
import { useSignedInUser } from "@/lib/auth";
import { useChangeEmail } from "../../api/change-email";
import { fieldErrorsOf, formProblem } from "../form-problem";
import { LocalMailNote } from "../local-mail-note";
import { CurrentPasswordField } from "./current-password-field";

/** A new sign-in address takes effect when the link mailed to it is opened (confirm-email.tsx). */
export function ChangeEmailForm() {
  const { i18n } = useLingui();
  const titleId = useId();
  const user = useSignedInUser();
  const change = useChangeEmail();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate(
      { new_email: email.trim(), password },
      {
        onSuccess: () => {
          setEmail("");
          setPassword("");
        },
      },
    );
  };

  return (
    <form onSubmit={submit} aria-labelledby={titleId} className="security-part">
      <h3 id={titleId}>{i18n._("Change email address")}</h3>
      <p>
        {richText(i18n._("You sign in with <0>{email}</0>.", { email: user.email }), [
          (text) => <strong>{text}</strong>,
        ])}
      </p>
      <FormError message={formProblem(change.error, ["new_email", "password"])} />
      <Field label={i18n._("New email address")} errors={fieldErrorsOf(change.error, "new_email")}>
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
      <CurrentPasswordField value={password} onChange={setPassword} errors={fieldErrorsOf(change.error, "password")} />
      <button type="submit" className="button button-primary" disabled={change.isPending}>
        {change.isPending ? i18n._("Sending…") : i18n._("Send confirmation link")}
      </button>
      <div role="status" className="security-status">
        {change.data && (
          <>
            <p>{change.data.detail}</p>
            <LocalMailNote to={change.data.email} />
          </>
        )}
      </div>
    </form>
  );
}
