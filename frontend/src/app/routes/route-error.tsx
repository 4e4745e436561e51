import { Component, type ReactNode } from "react";
import { useLocation } from "react-router";
import { PageTitle } from "@/components/page-title";

function isStaleBuild(error: unknown): boolean {
  return error instanceof TypeError && /dynamically imported module|Importing a module script/i.test(error.message);
}

/**
 * Shown when a screen fails to render or its code cannot load. After a deployment the old
 * chunk names are gone, so a failed dynamic import is answered with a reload, not a dead end.
 */
function RouteErrorView({ error }: { error: unknown }) {
  return (
    <main id="main" className="page">
      <PageTitle title="Something went wrong">Something went wrong</PageTitle>
      <p>
        {isStaleBuild(error)
          ? "A new version of the app is available. Reload to get it."
          : "This screen hit a problem. Reloading usually helps; your check-ins are saved on the server."}
      </p>
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
          Reload
        </button>
        <a className="button" href="/">
          Go to Today
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
