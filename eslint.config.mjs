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

// The database is touched only by queries/ and mutations/ (and the few places that own
// the connection): elsewhere no value import of the Prisma client module (its types, such
// as Prisma.RequestWhereInput for a scope, are fine; enums come from prisma/enums), no
// naming of the client or a transaction client (so nothing else can take one as an
// argument), no raw SQL or transaction, no model call, and db() is only passed on.
const prismaOwners = [
  "lib/*/queries/**",
  "lib/*/mutations/**",
  // The jobs' runner: claims jobs and hands each handler the worker's connection.
  "lib/jobs/run-jobs.ts",
  "lib/jobs/job-loop.ts",
  "lib/jobs/handlers.ts",
  // The connection itself and the start-up check of its database role.
  "lib/server/db.ts",
  "lib/server/database-role-check.ts",
  // The demo/seed data generator, run only by prisma/seed and tests.
  "lib/seed/**",
];
const prismaMessage = "Only queries/ and mutations/ (and the jobs' runner) touch Prisma: call a query or mutation and pass it db().";
const dbAccessRules = [
  {
    selector: "ImportDeclaration[source.value='@/lib/generated/prisma/client'] ImportSpecifier[imported.name='PrismaClient']",
    message: prismaMessage,
  },
  { selector: "TSQualifiedName[left.name='Prisma'][right.name='TransactionClient']", message: prismaMessage },
  {
    selector: "MemberExpression[property.name=/^\\$(queryRaw|queryRawUnsafe|executeRaw|executeRawUnsafe|transaction)$/]",
    message: prismaMessage,
  },
  {
    selector:
      "CallExpression[callee.object.type='MemberExpression'][callee.property.name=/^(findMany|findUnique|findUniqueOrThrow|findFirst|findFirstOrThrow|createMany|createManyAndReturn|updateMany|updateManyAndReturn|upsert|deleteMany|aggregate|groupBy)$/]",
    message: prismaMessage,
  },
  {
    selector: "MemberExpression[object.type='CallExpression'][object.callee.name='db']",
    message: "db() is only passed on, to a query or mutation (lib/*/queries, lib/*/mutations).",
  },
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
  {
    // Server-side code logs through the one logger (lib/observability/logger.ts: JSON lines
    // with the request id, personal data left out), never console.*. Scripts a person runs
    // at a terminal (dev, db, seed, bench, e2e harness) keep printing plain lines; the two
    // that run in production, the server entry and the job worker, log like the app.
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}", "*.ts", "scripts/server.ts", "scripts/jobs/**/*.ts"],
    ignores: ["**/*.test.ts", "**/*.test.tsx"],
    rules: { "no-console": "error" },
  },
  {
    // Prisma only from queries/, mutations/ and the owners above (scripts/, tests/ and
    // prisma/ are not linted by this rule: they own their connections).
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}", "*.ts"],
    ignores: prismaOwners,
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "@/lib/generated/prisma/client", allowTypeImports: true, message: prismaMessage },
            { name: "@prisma/client", message: prismaMessage },
            { name: "@prisma/adapter-pg", message: prismaMessage },
          ],
        },
      ],
      "no-restricted-syntax": ["error", ...dbAccessRules],
    },
  },
  // One design system: pages and widgets build on components/ui instead of restyling the
  // same elements by hand, so a fix to a table, a field or a page header lands everywhere.
  {
    files: ["app/**/*.tsx", "components/**/*.tsx"],
    ignores: ["components/ui/**"],
    rules: { "no-restricted-syntax": ["error", ...uiKitRules, ...dbAccessRules] },
  },
  {
    // Portal pages also open with PageHeader (the error boundary has no page to head);
    // a later block replaces the rule's options, so the kit's and the database rules are repeated here.
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
        ...dbAccessRules,
      ],
    },
  },
];

export default config;
