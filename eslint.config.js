import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";

export default tseslint.config(
  { ignores: ["build/**", "node_modules/**", ".data/**", "test-results/**", "playwright-report/**", "bench/results/**"] },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/test/**", "../test/*"], message: "Nothing imports test/." },
          ],
        },
      ],
    },
  },
  {
    // The pure shared module: zod, yjs and TipTap only, never the database or server.
    files: ["app/domain/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["**/db/**", "**/server/**", "**/utils/**", "@remix-run/*", "react"], message: "app/domain is pure: zod, yjs and @tiptap only." }] },
      ],
    },
  },
  {
    // UI code reaches data only through loaders and actions.
    files: ["app/components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["**/db/**", "**/server/**", "**/*.server"], message: "Components get data from props." }] },
      ],
    },
  },
);
