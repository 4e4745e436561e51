import { useLingui } from "@lingui/react";
import { Component, useEffect, useState, type ReactNode } from "react";
import { useLocation } from "@/lib/router";
import { PageTitle } from "@/components/page-title";
import { useOnline } from "@/lib/sync";

const CHUNK_FAILURE = /dynamically imported module|Importing a module script|error loading dynamically/i;

/** Why a screen's code did not load: the network, or a deployment that removed the old code. */
type Cause = "checking" | "offline" | "new-version" | "other";

/**
 * A failed dynamic import names the file it wanted. Asking for that file again tells the causes
 * apart: no answer is the network; a 404 means a new deployment replaced it; anything else is
 * something else.
 */
async function causeOf(error: unknown): Promise<Exclude<Cause, "checking">> {
  if (!(error instanceof TypeError) || !CHUNK_FAILURE.test(error.message)) return "other";
  if (!navigator.onLine) return "offline";
  const url = /(https?:\/\/\S+?\.js)/.exec(error.message)?.[1];
  if (!url) return "offline";
  try {
    const response = await fetch(url, { method: "HEAD", cache: "no-store" });
    return response.status === 404 ? "new-version" : "other";
  } catch {
    return "offline";
  }
}

/**
 * Shown when a screen fails to render or its code cannot load: offline, the way back is to try
 * again once connected (a reload then would only meet the browser's offline page); after a
 * deployment removed the old code, a reload gets the new.
 */
function RouteErrorView({ error }: { error: unknown }) {
  const { i18n } = useLingui();
  const [cause, setCause] = useState<Cause>("checking");
  const messages: Record<Cause, string> = {
    checking: i18n._("This screen could not load."),
    offline: i18n._(
      "This screen could not load: the app can't reach the server. Check your connection, then try again.",
    ),
    "new-version": i18n._("A new version of the app is available. Reload to get it."),
    other: i18n._("This screen hit a problem. Reloading usually helps; your check-ins are kept."),
  };
  const online = useOnline();
  const waiting = cause === "offline" && !online;
  useEffect(() => {
    let current = true;
    void causeOf(error).then((found) => {
      if (current) setCause(found);
    });
    return () => {
      current = false;
    };
  }, [error]);
  return (
    <main id="main" className="page">
      <PageTitle title={i18n._("Something went wrong")}>{i18n._("Something went wrong")}</PageTitle>
      <p role="status">{messages[cause]}</p>
      <div className="button-row">
        <button
          type="button"
          className="button button-primary"
          disabled={waiting}
          onClick={() => window.location.reload()}
        >
          {waiting ? i18n._("Waiting for a connection…") : cause === "offline" ? i18n._("Try again") : i18n._("Reload")}
        </button>
        <a className="button" href="/">
          {i18n._("Go to Today")}
        </a>
      </div>
    </main>
  );
}

class ErrorBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  state = { error: null as unknown };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  render() {
    return this.state.error ? <RouteErrorView error={this.state.error} /> : this.props.children;
  }
}

/** An error boundary that starts afresh on every route, so navigating away clears the error. */
export function RouteErrorBoundary({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return <ErrorBoundary key={pathname}>{children}</ErrorBoundary>;
}
