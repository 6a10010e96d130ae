import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const uiKitRules = [
  {
    selector: "JSXOpeningElement[name.name=/^(table|thead|tbody|tfoot|tr|th|td|caption)$/]",
    message: "Render tables with DataTable from components/ui/data-table.tsx (declare columns; it gives the phone card layout too).",
  },
  { selector: "JSXOpeningElement[name.name='textarea']", message: "Use TextAreaField from components/ui/text-area-field.tsx." },
  { selector: "JSXOpeningElement[name.name='select']", message: "Use SelectField from components/ui/select-field.tsx." },
];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      ".next-*/**",
      "lib/generated/**",
      "node_modules/**",
      ".data/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  {
    // The domain stays framework-free: lib/ (except lib/server) may not import Next, the
    // routes, the components or lib/server (what needs Next.js comes to it as arguments).
    files: ["lib/**/*.{ts,tsx}"],
    ignores: ["lib/server/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["next", "next/*", "next-intl", "next-intl/*"],
              message: "lib/ is framework-free; keep Next.js in app/ and lib/server/.",
            },
            {
              group: ["@/app/*", "@/components/*", "@/lib/server/*"],
              message: "The domain (lib/) may not import routes, components or lib/server; pass what it needs as arguments.",
            },
          ],
        },
      ],
    },
  },
  {
    // Components are presentational: they get data and actions from the routes, never import them.
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/app/*"],
              message: "components/ may not import app/; take the action or data as a prop, or move the part into app/.",
            },
          ],
        },
      ],
    },
  },
  {
    // An unused import or variable is dead code: an error, not a warning nobody reads.
    rules: { "@typescript-eslint/no-unused-vars": "error" },
  },
  {
    // Env is read in one place (lib/server/env.ts); scripts and tests resolve their own.
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.ts"],
    ignores: ["lib/server/env.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through lib/server/env.ts." },
      ],
    },
  },
  // One design system: pages and widgets build on components/ui instead of restyling the
  // same elements by hand, so a fix to a table, a field or a page header lands everywhere.
  {
    files: ["app/**/*.tsx", "components/**/*.tsx"],
    ignores: ["components/ui/**"],
    rules: { "no-restricted-syntax": ["error", ...uiKitRules] },
  },
  {
    // Portal pages also open with PageHeader (the error boundary has no page to head);
    // a later block replaces the rule's options, so the kit's rules are repeated here.
    files: ["app/(portal)/**/*.tsx"],
    ignores: ["app/(portal)/error.tsx"],
    rules: {
      "no-restricted-syntax": [
        "error",
        ...uiKitRules,
        {
          selector: "JSXOpeningElement[name.name='h1']",
          message: "Open a portal page with PageHeader from components/ui/page-header.tsx.",
        },
      ],
    },
  },
];

export default config;
