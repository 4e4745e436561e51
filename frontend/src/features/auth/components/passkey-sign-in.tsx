import { useLingui } from "@lingui/react";
import { FormError } from "@/components/field";
import { usePasskeySignIn } from "../api/passkey-authenticate";
import { passkeyErrorMessage } from "../webauthn";
import { formProblem } from "./form-problem";

/** "Sign in with a passkey": no address to type, since passkeys are discoverable. */
export function PasskeySignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const { i18n } = useLingui();
  const passkey = usePasskeySignIn();
  return (
    <div className="passkey-sign-in">
      <p className="divider">{i18n._("or")}</p>
      <FormError message={passkeyErrorMessage(passkey.error) ?? formProblem(passkey.error)} />
      <button
        type="button"
        className="button button-wide"
        disabled={passkey.isPending}
        onClick={() => passkey.mutate(undefined, { onSuccess: onSignedIn })}
      >
        {passkey.isPending ? i18n._("Waiting for your passkey…") : i18n._("Sign in with a passkey")}
      </button>
    </div>
  );
}
