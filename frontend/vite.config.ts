/// <reference types="vitest/config" />
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath, URL } from "node:url";
import { defineConfig } from "vite";
import { serviceWorker } from "./build/service-worker-plugin.ts";

const src = fileURLToPath(new URL("./src", import.meta.url));
// The persisted query cache is kept only while the API's payload shapes are the ones built against.
const apiSchema = createHash("sha256")
  .update(readFileSync(new URL("./src/types/api.ts", import.meta.url)))
  .digest("hex")
  .slice(0, 12);

// Preact through its compat layer renders the app in place of React and ReactDOM (about 50 KB less
// gzip on the first load): the code, and the packages written for React (TanStack Query, Lingui's
// React bindings, Testing Library), import `react` and get `preact/compat`, in the build and in
// Vitest alike. Types still come from @types/react. Exact names only: an import of another part of
// React fails to resolve rather than bringing React in.
const preactCompat = [
  { find: /^react$/, replacement: "preact/compat" },
  { find: /^react\/jsx-runtime$/, replacement: "preact/compat/jsx-runtime" },
  { find: /^react\/jsx-dev-runtime$/, replacement: "preact/compat/jsx-dev-runtime" },
  { find: /^react-dom$/, replacement: "preact/compat" },
  { find: /^react-dom\/client$/, replacement: "preact/compat/client" },
  { find: /^react-dom\/test-utils$/, replacement: "preact/test-utils" },
];

export default defineConfig({
  plugins: [serviceWorker({ entry: `${src}/sw/service-worker.ts`, alias: { "@": src } })],
  base: "/",
  resolve: {
    alias: [{ find: "@", replacement: src }, ...preactCompat],
  },
  // JSX is Vite's own transform (Oxc), the automatic runtime as in tsconfig.json: `react/jsx-runtime`,
  // aliased above. No Fast Refresh: React's needs React's renderer; a change reloads the page.
  oxc: { jsx: { runtime: "automatic", importSource: "react" } },
  define: {
    __API_SCHEMA__: JSON.stringify(apiSchema),
  },
  server: {
    // Local development against `make run` (Django on :8000): same-origin cookies through the proxy.
    proxy: { "/api": "http://127.0.0.1:8000" },
  },
  build: {
    outDir: "dist",
    sourcemap: false,
    rolldownOptions: {
      // TanStack Query and Lingui mark their modules "use client" for server components; a client
      // bundle has nothing to do with it (@vitejs/plugin-react silenced this too, when it was here).
      onwarn(warning, warn) {
        if (warning.code === "MODULE_LEVEL_DIRECTIVE" && warning.message.includes('"use client"')) return;
        warn(warning);
      },
    },
  },
  test: {
    environment: "jsdom",
    globals: true,
    setupFiles: ["./src/testing/setup.ts"],
    include: ["src/**/*.test.{ts,tsx}"],
    pool: "threads",
    maxWorkers: 2,
    testTimeout: 20_000,
    css: false,
    // Packages under node_modules are loaded by Node, past the aliases: these import `react`, so
    // they go through Vite to get Preact like the app (src/testing/renderer.test.tsx checks it).
    // Testing Library's own entry is CommonJS, whose `require`s no alias reaches: its ES module.
    server: { deps: { inline: [/@tanstack\/react-query/, /@lingui\/react/, /@testing-library\/react/] } },
    alias: [
      {
        find: /^@testing-library\/react$/,
        replacement: fileURLToPath(
          new URL("./node_modules/@testing-library/react/dist/@testing-library/react.esm.js", import.meta.url),
        ),
      },
    ],
    coverage: {
      provider: "v8",
      include: ["src/**/*.{ts,tsx}"],
      exclude: ["src/**/*.test.{ts,tsx}", "src/testing/**", "src/types/api.ts", "src/main.tsx", "src/sw/**"],
      reporter: ["text-summary"],
      // A floor a little under what the suite reaches (statements 89.8, branches 82.3, functions
      // 88.4, lines 92.3 %): `npm test` fails when new code arrives without tests.
      thresholds: { statements: 88, branches: 77, functions: 87, lines: 90 },
    },
  },
});
