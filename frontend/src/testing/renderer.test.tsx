import { i18n } from "@lingui/core";
import { I18nProvider, useLingui } from "@lingui/react";
import { QueryClient, QueryClientProvider, useQueryClient } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import { options } from "preact";
import * as compat from "preact/compat";
import * as React from "react";
import * as ReactDOMClient from "react-dom/client";

// The tests must exercise the renderer that ships: Preact through preact/compat (vite.config.ts).
describe("the renderer under test", () => {
  it("is preact/compat wherever `react` is imported", () => {
    expect(React.useState).toBe(compat.useState);
    expect(React.Suspense).toBe(compat.Suspense);
    expect(ReactDOMClient.createRoot).toBeTypeOf("function");
  });

  it("is the one Testing Library, TanStack Query and Lingui render and read context with", () => {
    const rendered: string[] = [];
    const previous = options.diffed;
    options.diffed = (vnode) => {
      if (typeof vnode.type === "function" && vnode.type.name === "Probe") rendered.push("Probe");
      previous?.(vnode);
    };
    const client = new QueryClient();
    function Probe() {
      // A React hook here would throw outside React's renderer; Preact's hooks likewise outside Preact's.
      const [count] = compat.useState(1);
      const fromQuery = useQueryClient();
      const { i18n: fromLingui } = useLingui();
      return <p>{`${count} ${fromQuery === client} ${fromLingui === i18n}`}</p>;
    }
    try {
      render(
        <QueryClientProvider client={client}>
          <I18nProvider i18n={i18n}>
            <Probe />
          </I18nProvider>
        </QueryClientProvider>,
      );
    } finally {
      options.diffed = previous;
    }
    expect(screen.getByText("1 true true")).toBeInTheDocument();
    expect(rendered).toContain("Probe");
  });
});
