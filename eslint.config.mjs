// ESLint 9 flat config: Next.js (core web vitals + TypeScript) plus the layer rules of STYLE.md, so the
// import direction app → components → lib (and lib/domain pure, the database only behind lib/data) cannot
// be broken without the linter saying so.
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

// Patterns are regular expressions over the import specifier, so "@/…" and relative spellings are both caught.
const DATABASE = [
  {
    regex: "^@/lib/db$|(^|/)lib/db$",
    message: "Only lib/data queries the database: call a lib/data function instead.",
  },
  {
    regex: "(^@/lib/|/)generated/prisma",
    message: "The generated Prisma client belongs to lib/data (types may be used inside lib/ only).",
  },
];
// Same as DATABASE, but lib/ may use the generated client's types (import type …).
const DATABASE_TYPES_ALLOWED = [DATABASE[0], { ...DATABASE[1], allowTypeImports: true }];
const UPWARD_FROM_LIB = [
  {
    regex: "^@/(app|components)(/|$)|^(\\.\\./)+(app|components)(/|$)",
    message: "lib/ never imports from app/ or components/: imports flow app → components → lib.",
  },
];
const UPWARD_FROM_COMPONENTS = [
  {
    regex: "^@/app(/|$)|^(\\.\\./)+app(/|$)",
    message: "components/ never imports from app/: imports flow app → components → lib.",
  },
];
const IMPURE_FOR_DOMAIN = [
  {
    regex: "^(next|react|react-dom|next-auth|server-only)(/|$)|^@prisma/|^@tanstack/",
    message: "lib/domain is pure rules: no framework, no Prisma, no I/O.",
  },
  {
    regex: "^@/lib/(data|infra|api|auth|db)(/|$)|^\\.\\./(data|infra|api|auth|db)(/|$)",
    message: "lib/domain may not reach the data layer or the server plumbing.",
  },
];

const restrict = (...groups) => ({
  "no-restricted-imports": "off",
  "@typescript-eslint/no-restricted-imports": ["error", { patterns: groups.flat() }],
});

const config = [
  {
    ignores: [
      ".next/**", "lib/generated/**", "node_modules/**", ".data/**", "coverage/**", "test-results/**",
      "playwright-report/**", "next-env.d.ts",
    ],
  },
  ...nextVitals,
  ...nextTypescript,
  // Later entries replace the rule for the files they match, so each lists its complete set.
  { files: ["**/*.{ts,tsx,js,jsx,mjs}"], rules: restrict(DATABASE) },
  { files: ["components/**"], rules: restrict(DATABASE, UPWARD_FROM_COMPONENTS) },
  { files: ["lib/**"], rules: restrict(DATABASE_TYPES_ALLOWED, UPWARD_FROM_LIB) },
  { files: ["lib/data/**", "lib/db.ts"], rules: restrict(UPWARD_FROM_LIB) },
  { files: ["lib/domain/**"], rules: restrict(DATABASE, UPWARD_FROM_LIB, IMPURE_FOR_DOMAIN) },
  { files: ["prisma/**", "tests/**", "scripts/**"], rules: { "@typescript-eslint/no-restricted-imports": "off" } },
  // Next's rule guards CommonJS `module` in bundled code; tests and scripts are never bundled by Next.
  { files: ["tests/**", "scripts/**"], rules: { "@next/next/no-assign-module-variable": "off" } },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["warn", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "error",
    },
  },
];

export default config;
