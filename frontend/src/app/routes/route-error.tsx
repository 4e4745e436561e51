import { isRouteErrorResponse, useRouteError } from "react-router";
import { PageTitle } from "@/components/page-title";

/**
 * Shown when a screen fails to render or its code cannot load. After a deployment the old
 * chunk names are gone, so a failed dynamic import is answered with a reload, not a dead end.
 */
export function RouteError() {
  const error = useRouteError();
  const staleBuild = error instanceof TypeError && /dynamically imported module|Importing a module script/i.test(error.message);
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <main id="main" className="page">
      <PageTitle title={notFound ? "Page not found" : "Something went wrong"}>
        {notFound ? "Page not found" : "Something went wrong"}
      </PageTitle>
      <p>
        {staleBuild
          ? "A new version of the app is available. Reload to get it."
          : notFound
            ? "There is nothing at this address."
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
