import { i18n } from "@lingui/core";
import { useLingui } from "@lingui/react";
import type { ReactNode } from "react";
import { ApiError } from "@/lib/api-client";

export function Loading({ label }: { label?: string }) {
  const { i18n } = useLingui();
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label ?? i18n._("Loading…")}
    </p>
  );
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return i18n._("Something went wrong. Please try again.");
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { i18n } = useLingui();
  return (
    <div className="error-state" role="alert">
      <p>{errorMessage(error)}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {i18n._("Try again")}
        </button>
      )}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="empty-state" aria-label={title}>
      {/* Focusable by script: where focus goes when the last item of a list leaves it. */}
      <h2 tabIndex={-1}>{title}</h2>
      {children}
    </section>
  );
}
