import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

const FEATURES = ["auth", "habits", "reminders", "settings"];
const appLayer = {
  group: ["@/app/*"],
  message: "Only the app layer composes features; import flows shared → features → app.",
};

/** bulletproof-react's import rules: shared code never reaches up, and features never import each other. */
const layerRules = [
  {
    files: ["src/sw/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            appLayer,
            { group: ["@/features/*", "@/components/*"], message: "The service worker uses lib/ only: no React." },
          ],
        },
      ],
    },
  },
  {
    files: ["src/components/**", "src/lib/**", "src/config/**", "src/types/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [appLayer, { group: ["@/features/*"], message: "Shared code must not depend on a feature." }] },
      ],
    },
  },
  ...FEATURES.map((feature) => ({
    files: [`src/features/${feature}/**`],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            appLayer,
            {
              group: FEATURES.filter((other) => other !== feature).map((other) => `@/features/${other}/*`),
              message: "Features do not import each other; share through lib/ or compose in app/.",
            },
          ],
        },
      ],
    },
  })),
];

export default tseslint.config(
  { ignores: ["dist", "coverage", "node_modules", "e2e/screenshots", "src/locales"] },
  {
    files: ["src/**/*.{ts,tsx}", "vite.config.ts", "build/**/*.ts"],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { globals: globals.browser },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "no-restricted-syntax": [
        "error",
        {
          selector: "JSXAttribute[name.name='autoFocus']",
          message: "Preact only writes the attribute, which works once per page load: use ref={focusOnMount}.",
        },
      ],
    },
  },
  ...layerRules,
  {
    files: ["e2e/**/*.mjs", "scripts/**/*.mjs"],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
