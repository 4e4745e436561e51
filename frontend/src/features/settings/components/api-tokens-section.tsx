import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { Field, FormError } from "@/components/field";
import { notify } from "@/components/notifications";
import { ErrorState, Loading, errorMessage } from "@/components/status";
import { ApiError } from "@/lib/api-client";
import { useSignedInUser } from "@/lib/auth";
import {
  apiTokenLifetimeLimits,
  apiTokenNameLimits,
  apiTokenScopes,
  useCreateApiToken,
  type ApiTokenScope,
  type CreatedApiToken,
} from "../api/create-api-token";
import { useApiTokens, type ApiToken } from "../api/get-api-tokens";
import { useRevokeApiToken } from "../api/revoke-api-token";

/** A label for every scope the API knows; a scope added to the API fails the type check until it has one. */
const SCOPE_LABELS: Record<ApiTokenScope, string> = {
  read: "Read only",
  read_write: "Read and write",
};

const SCOPE_HINTS: Record<ApiTokenScope, string> = {
  read: "see habits, check-ins and stats",
  read_write: "also check in, and create, change or delete habits",
};

/** The lifetimes offered, in days ("never": until revoked), each within the API's limits. */
const LIFETIMES = [
  { days: 30, label: "In 30 days" },
  { days: 90, label: "In 90 days" },
  { days: 365, label: "In a year" },
  { days: null, label: "Never (until revoked)" },
].filter(({ days }) => days === null || days <= apiTokenLifetimeLimits.maximum);
const DEFAULT_LIFETIME = "90";

function formatMoment(timestamp: string, timeZone: string): string {
  return new Date(timestamp).toLocaleString(undefined, {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
  });
}

/** Personal API tokens for scripts: create one (its value shown once), the list with last use, revoke. */
export function ApiTokensSection() {
  const titleRef = useRef<HTMLHeadingElement>(null);
  const tokens = useApiTokens();
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  // Here rather than in the row: the row (and its callbacks) is gone once the list refetches.
  const revoke = useRevokeApiToken();
  const revokeToken = (token: ApiToken) =>
    revoke.mutate(token.id, {
      onSuccess: () => {
        // The button that had focus is gone with its row.
        titleRef.current?.focus();
        if (created?.id === token.id) setCreated(null);
        notify(`Token “${token.name}” revoked. Programs using it are refused from now on.`);
      },
      onError: (error) => notify(errorMessage(error), "error"),
    });

  return (
    <section className="card" aria-labelledby="api-tokens-title">
      <h2 id="api-tokens-title" ref={titleRef} tabIndex={-1}>
        API tokens
      </h2>
      <p>
        For scripts and other programs: a token lets them read your habits and check-ins through the API, and, if you
        allow it, check in and change habits. It cannot change your account. Changing your password revokes every token.
      </p>
      {created ? <NewToken token={created} onDone={() => setCreated(null)} /> : null}
      {tokens.isPending ? (
        <Loading label="Loading API tokens…" />
      ) : tokens.isError ? (
        <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : tokens.data.length === 0 ? (
        <p>No API tokens yet.</p>
      ) : (
        <ul className="plain-list" aria-label="Your API tokens">
          {tokens.data.map((token) => (
            <TokenRow key={token.id} token={token} revoking={revoke.isPending} onRevoke={() => revokeToken(token)} />
          ))}
        </ul>
      )}
      <CreateTokenForm onCreated={setCreated} />
    </section>
  );
}

function NewToken({ token, onDone }: { token: CreatedApiToken; onDone: () => void }) {
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token.token);
      notify("Token copied.");
    } catch {
      inputRef.current?.select();
      notify("Could not copy: the token is selected, copy it with your keyboard.", "error");
    }
  };

  return (
    <div className="new-token" role="status">
      <p>
        <strong>Copy your new token “{token.name}” now: you won&apos;t see it again.</strong> Only a fingerprint of it
        is kept; if you lose it, revoke it and create another.
      </p>
      <label htmlFor={inputId}>New token</label>
      <div className="button-row">
        <input
          ref={inputRef}
          id={inputId}
          className="token-value"
          type="text"
          readOnly
          spellCheck={false}
          value={token.token}
          onFocus={(event) => event.target.select()}
        />
        <button type="button" className="button button-primary" onClick={() => void copy()}>
          Copy
        </button>
        <button type="button" className="button" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}

function expiry(expiresAt: string, timeZone: string): string {
  const when = formatMoment(expiresAt, timeZone);
  return new Date(expiresAt).getTime() <= Date.now() ? `expired ${when}` : `expires ${when}`;
}

interface TokenRowProps {
  token: ApiToken;
  revoking: boolean;
  onRevoke: () => void;
}

function TokenRow({ token, revoking, onRevoke }: TokenRowProps) {
  const user = useSignedInUser();
  const [confirming, setConfirming] = useState(false);
  const keepRef = useRef<HTMLButtonElement>(null);
  const revokeRef = useRef<HTMLButtonElement>(null);
  const moved = useRef(false);

  useEffect(() => {
    if (moved.current) (confirming ? keepRef : revokeRef).current?.focus();
  }, [confirming]);

  const confirm = (next: boolean) => {
    moved.current = true;
    setConfirming(next);
  };

  return (
    <li className="passkey-row">
      <div>
        <strong>{token.name}</strong> <span className="hint">({SCOPE_LABELS[token.scope]})</span>
        <p className="hint">
          <code>{token.prefix}…</code>
          {" · "}created {formatMoment(token.created_at, user.time_zone)}
          {" · "}
          {token.last_used_at ? `last used ${formatMoment(token.last_used_at, user.time_zone)}` : "never used"}
          {token.expires_at ? ` · ${expiry(token.expires_at, user.time_zone)}` : null}
        </p>
      </div>
      <div className="button-row">
        {confirming ? (
          <>
            <button
              type="button"
              className="button button-danger"
              disabled={revoking}
              onClick={onRevoke}
              aria-label={`Revoke token ${token.name} for good`}
            >
              Revoke for good
            </button>
            <button ref={keepRef} type="button" className="button" onClick={() => confirm(false)}>
              Keep
            </button>
          </>
        ) : (
          <button
            ref={revokeRef}
            type="button"
            className="button"
            onClick={() => confirm(true)}
            aria-label={`Revoke token ${token.name}`}
          >
            Revoke
          </button>
        )}
      </div>
    </li>
  );
}

function CreateTokenForm({ onCreated }: { onCreated: (token: CreatedApiToken) => void }) {
  const titleId = useId();
  const create = useCreateApiToken();
  const [name, setName] = useState("");
  const [scope, setScope] = useState<ApiTokenScope>("read");
  const [lifetime, setLifetime] = useState(DEFAULT_LIFETIME);
  const fieldErrors = create.error instanceof ApiError ? create.error.fieldErrors : {};
  const problem =
    create.error instanceof ApiError && fieldErrors.non_field_errors
      ? fieldErrors.non_field_errors.join(" ")
      : create.isError && !fieldErrors.name
        ? errorMessage(create.error)
        : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { name: name.trim(), scope, lifetime_days: lifetime ? Number(lifetime) : null },
      {
        onSuccess: (token) => {
          setName("");
          onCreated(token);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} aria-labelledby={titleId}>
      <h3 id={titleId}>Create a token</h3>
      <FormError message={problem} />
      <Field label="Token name" hint="What it is for, e.g. “Check-in script on my laptop”." errors={fieldErrors.name}>
        {(props) => (
          <input
            {...props}
            type="text"
            required
            maxLength={apiTokenNameLimits.maxLength}
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        )}
      </Field>
      <fieldset className="fieldset">
        <legend>Access</legend>
        {apiTokenScopes.map((option) => (
          <label key={option} className="choice">
            <input type="radio" name="token-scope" checked={scope === option} onChange={() => setScope(option)} />
            {SCOPE_LABELS[option]} <span className="hint">({SCOPE_HINTS[option]})</span>
          </label>
        ))}
      </fieldset>
      <Field label="Expires" errors={fieldErrors.lifetime_days}>
        {(props) => (
          <select {...props} value={lifetime} onChange={(event) => setLifetime(event.target.value)}>
            {LIFETIMES.map(({ days, label }) => (
              <option key={label} value={days === null ? "" : String(days)}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" className="button button-primary" disabled={create.isPending}>
        {create.isPending ? "Creating…" : "Create token"}
      </button>
    </form>
  );
}
