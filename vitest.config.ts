import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Playwright's e2e/*.spec.ts must not be collected by vitest.
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 60_000,
    // A fresh clone may have no unit tests yet; that is not a failure.
    passWithNoTests: true,
  },
});
