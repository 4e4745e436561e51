import { QueryClient } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { AppProvider } from "@/app/provider";
import { TestRouter } from "@/app/router";

/** Renders the whole app at a URL, with a fresh cache that never retries, as a user would meet it. */
export function renderApp(path = "/") {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } },
  });
  const user = userEvent.setup();
  const view = render(
    <AppProvider client={client}>
      <TestRouter initialPath={path} />
    </AppProvider>,
  );
  return { ...view, user, client };
}
