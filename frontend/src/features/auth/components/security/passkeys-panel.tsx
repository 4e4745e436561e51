import { useLingui } from "@lingui/react";
import { useId, useRef, useState, type FormEvent } from "react";
import { Field, FormError } from "@/components/field";
import { notify } from "@/components/notifications";
import { ErrorState, Loading, errorMessage } from "@/components/status";
import { useSignedInUser } from "@/lib/auth";
import { useDeletePasskey } from "../../api/delete-passkey";
import { usePasskeys } from "../../api/get-passkeys";
import { passkeyNameLimits, useAddPasskey } from "../../api/passkey-register";
import type { Passkey } from "../../types";
import { passkeyErrorMessage, passkeysSupported } from "../../webauthn";
import { fieldErrorsOf, formProblem } from "../form-problem";
import { CurrentPasswordField } from "./current-password-field";

function formatDay(timestamp: string, timeZone: string, locale: string): string {
  return new Date(timestamp).toLocaleDateString(locale, {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone,
  });
}

/** The account's passkeys: the list, removing one, and adding one where the browser can. */
export function PasskeysPanel() {
  const { i18n } = useLingui();
  const titleId = useId();
  const titleRef = useRef<HTMLHeadingElement>(null);
  const passkeys = usePasskeys();
  // Here rather than in the row: the row (and its callbacks) is gone once the list refetches.
  const remove = useDeletePasskey();
  const removePasskey = (passkey: Passkey) =>
    remove.mutate(passkey.id, {
      onSuccess: () => {
        // The button that had focus is gone with its row.
        titleRef.current?.focus();
        notify(i18n._("Passkey “{name}” removed.", { name: passkey.name }));
      },
      onError: (error) => notify(errorMessage(error), "error"),
    });
  return (
    <div className="security-part" role="group" aria-labelledby={titleId}>
      <h3 id={titleId} ref={titleRef} tabIndex={-1}>
        {i18n._("Passkeys")}
      </h3>
      <p>{i18n._("Sign in with your fingerprint, face or screen lock instead of typing your password.")}</p>
      {passkeys.isPending ? (
        <Loading label={i18n._("Loading passkeys…")} />
      ) : passkeys.isError ? (
        <ErrorState error={passkeys.error} onRetry={() => void passkeys.refetch()} />
      ) : passkeys.data.length === 0 ? (
        <p>{i18n._("No passkeys yet.")}</p>
      ) : (
        <ul className="plain-list passkey-list" aria-label={i18n._("Your passkeys")}>
          {passkeys.data.map((passkey) => (
            <PasskeyRow
              key={passkey.id}
              passkey={passkey}
              removing={remove.isPending}
              onRemove={() => removePasskey(passkey)}
            />
          ))}
        </ul>
      )}
      {passkeysSupported() ? (
        <AddPasskeyForm />
      ) : (
        <p className="hint">{i18n._("This browser cannot make passkeys.")}</p>
      )}
    </div>
  );
}

interface PasskeyRowProps {
  passkey: Passkey;
  removing: boolean;
  onRemove: () => void;
}

function PasskeyRow({ passkey, removing, onRemove }: PasskeyRowProps) {
  const { i18n } = useLingui();
  const user = useSignedInUser();
  return (
    <li className="passkey-row">
      <div>
        <strong>{passkey.name}</strong>
        <p className="hint">
          {passkey.last_used_at
            ? i18n._("Added {added} · last used {used}", {
                added: formatDay(passkey.created_at, user.time_zone, i18n.locale),
                used: formatDay(passkey.last_used_at, user.time_zone, i18n.locale),
              })
            : i18n._("Added {added} · not used yet", {
                added: formatDay(passkey.created_at, user.time_zone, i18n.locale),
              })}
        </p>
      </div>
      <button
        type="button"
        className="button button-danger"
        aria-label={i18n._("Remove passkey {name}", { name: passkey.name })}
        disabled={removing}
        onClick={onRemove}
      >
        {i18n._("Remove")}
      </button>
    </li>
  );
}

function AddPasskeyForm() {
  const { i18n } = useLingui();
  const titleId = useId();
  const add = useAddPasskey();
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      { name: name.trim(), password },
      {
        onSuccess: (passkey) => {
          setName("");
          setPassword("");
          notify(i18n._("Passkey “{name}” added. You can sign in with it now.", { name: passkey.name }));
        },
      },
    );
  };

  return (
    <form onSubmit={submit} aria-labelledby={titleId}>
      <h4 id={titleId}>{i18n._("Add a passkey")}</h4>
      <FormError message={passkeyErrorMessage(add.error) ?? formProblem(add.error, ["name", "password"])} />
      <Field
        label={i18n._("Passkey name")}
        hint={i18n._("So you can tell your passkeys apart, e.g. “Work laptop”.")}
        errors={fieldErrorsOf(add.error, "name")}
      >
        {(props) => (
          <input
            {...props}
            type="text"
            required
            maxLength={passkeyNameLimits.maxLength}
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        )}
      </Field>
      <CurrentPasswordField value={password} onChange={setPassword} errors={fieldErrorsOf(add.error, "password")} />
      <button type="submit" className="button button-primary" disabled={add.isPending}>
        {add.isPending ? i18n._("Waiting for your passkey…") : i18n._("Add passkey")}
      </button>
    </form>
  );
}
