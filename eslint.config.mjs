import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", ".next-*/**", "lib/generated/**", "node_modules/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
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
            { group: ["next", "next/*", "next-intl", "next-intl/*"], message: "lib/ is framework-free; keep Next.js in app/ and lib/server/." },
            { group: ["@/app/*", "@/components/*", "@/lib/server/*"], message: "The domain (lib/) may not import routes, components or lib/server; pass what it needs as arguments." },
          ],
        },
      ],
    },
  },
  {
    // Components are presentational: they get data and actions from the routes, never import them.
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/app/*"], message: "components/ may not import app/; take the action or data as a prop, or move the part into app/." }] }],
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
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read configuration through lib/server/env.ts." }],
    },
  },
];

export default config;
