import { useLingui } from "@lingui/react";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { Field, FormError } from "@/components/field";
import { notify } from "@/components/notifications";
import { richText } from "@/components/rich-text";
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

type I18n = ReturnType<typeof useLingui>["i18n"];

/** A label for every scope the API knows; a scope added to the API fails the type check until it has one. */
function scopeLabels(i18n: I18n): Record<ApiTokenScope, string> {
  return { read: i18n._("Read only"), read_write: i18n._("Read and write") };
}

function scopeHints(i18n: I18n): Record<ApiTokenScope, string> {
  return {
    read: i18n._("see habits, check-ins and stats"),
    read_write: i18n._("also check in, and create, change or delete habits"),
  };
}

/** The lifetimes offered, in days ("never": until revoked), each within the API's limits. */
function lifetimes(i18n: I18n) {
  return [
    { days: 30, label: i18n._("In 30 days") },
    { days: 90, label: i18n._("In 90 days") },
    { days: 365, label: i18n._("In a year") },
    { days: null, label: i18n._("Never (until revoked)") },
  ].filter(({ days }) => days === null || days <= apiTokenLifetimeLimits.maximum);
}
const DEFAULT_LIFETIME = "90";

function formatMoment(timestamp: string, timeZone: string, locale: string): string {
  return new Date(timestamp).toLocaleString(locale, {
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
  const { i18n } = useLingui();
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
        notify(i18n._("Token “{name}” revoked. Programs using it are refused from now on.", { name: token.name }));
      },
      onError: (error) => notify(errorMessage(error), "error"),
    });

  return (
    <section className="card" aria-labelledby="api-tokens-title">
      <h2 id="api-tokens-title" ref={titleRef} tabIndex={-1}>
        {i18n._("API tokens")}
      </h2>
      <p>
        {i18n._(
          "For scripts and other programs: a token lets them read your habits and check-ins through the API, and, if you allow it, check in and change habits. It cannot change your account. Changing your password revokes every token.",
        )}
      </p>
      {created ? <NewToken token={created} onDone={() => setCreated(null)} /> : null}
      {tokens.isPending ? (
        <Loading label={i18n._("Loading API tokens…")} />
      ) : tokens.isError ? (
        <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : tokens.data.length === 0 ? (
        <p>{i18n._("No API tokens yet.")}</p>
      ) : (
        <ul className="plain-list" aria-label={i18n._("Your API tokens")}>
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
  const { i18n } = useLingui();
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token.token);
      notify(i18n._("Token copied."));
    } catch {
      inputRef.current?.select();
      notify(i18n._("Could not copy: the token is selected, copy it with your keyboard."), "error");
    }
  };

  return (
    <div className="new-token" role="status">
      <p>
        {richText(
          i18n._(
            "<0>Copy your new token “{name}” now: you won't see it again.</0> Only a fingerprint of it is kept; if you lose it, revoke it and create another.",
            { name: token.name },
          ),
          [(text) => <strong>{text}</strong>],
        )}
      </p>
      <label htmlFor={inputId}>{i18n._("New token")}</label>
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
          {i18n._("Copy")}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {i18n._("Done")}
        </button>
      </div>
    </div>
  );
}

function tokenDetails(token: ApiToken, timeZone: string, i18n: I18n): string {
  const moment = (timestamp: string) => formatMoment(timestamp, timeZone, i18n.locale);
  const parts = [
    i18n._("created {when}", { when: moment(token.created_at) }),
    token.last_used_at ? i18n._("last used {when}", { when: moment(token.last_used_at) }) : i18n._("never used"),
  ];
  if (token.expires_at)
    parts.push(
      new Date(token.expires_at).getTime() <= Date.now()
        ? i18n._("expired {when}", { when: moment(token.expires_at) })
        : i18n._("expires {when}", { when: moment(token.expires_at) }),
    );
  return parts.join(" · ");
}

interface TokenRowProps {
  token: ApiToken;
  revoking: boolean;
  onRevoke: () => void;
}

function TokenRow({ token, revoking, onRevoke }: TokenRowProps) {
  const { i18n } = useLingui();
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
        <strong>{token.name}</strong> <span className="hint">({scopeLabels(i18n)[token.scope]})</span>
        <p className="hint">
          <code>{token.prefix}…</code>
          {" · "}
          {tokenDetails(token, user.time_zone, i18n)}
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
              aria-label={i18n._("Revoke token {name} for good", { name: token.name })}
            >
              {i18n._("Revoke for good")}
            </button>
            <button ref={keepRef} type="button" className="button" onClick={() => confirm(false)}>
              {i18n._("Keep")}
            </button>
          </>
        ) : (
          <button
            ref={revokeRef}
            type="button"
            className="button"
            onClick={() => confirm(true)}
            aria-label={i18n._("Revoke token {name}", { name: token.name })}
          >
            {i18n._("Revoke")}
          </button>
        )}
      </div>
    </li>
  );
}

function CreateTokenForm({ onCreated }: { onCreated: (token: CreatedApiToken) => void }) {
  const { i18n } = useLingui();
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
      <h3 id={titleId}>{i18n._("Create a token")}</h3>
      <FormError message={problem} />
      <Field
        label={i18n._("Token name")}
        hint={i18n._("What it is for, e.g. “Check-in script on my laptop”.")}
        errors={fieldErrors.name}
      >
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
        <legend>{i18n._("Access")}</legend>
        {apiTokenScopes.map((option) => (
          <label key={option} className="choice">
            <input type="radio" name="token-scope" checked={scope === option} onChange={() => setScope(option)} />
            {scopeLabels(i18n)[option]} <span className="hint">({scopeHints(i18n)[option]})</span>
          </label>
        ))}
      </fieldset>
      <Field label={i18n._("Expires")} errors={fieldErrors.lifetime_days}>
        {(props) => (
          <select {...props} value={lifetime} onChange={(event) => setLifetime(event.target.value)}>
            {lifetimes(i18n).map(({ days, label }) => (
              <option key={String(days)} value={days === null ? "" : String(days)}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" className="button button-primary" disabled={create.isPending}>
        {create.isPending ? i18n._("Creating…") : i18n._("Create token")}
      </button>
    </form>
  );
}
