import { i18n } from "@lingui/core";
import { I18nProvider } from "@lingui/react";
import { QueryClient } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { AppProvider } from "@/app/provider";
import { TestRouter } from "@/app/router";
import type { ReactNode } from "react";

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

/** For a component rendered on its own (`render(<X />, { wrapper: Translated })`): the SPA's language. */
export function Translated({ children }: { children: ReactNode }) {
  return <I18nProvider i18n={i18n}>{children}</I18nProvider>;
}
