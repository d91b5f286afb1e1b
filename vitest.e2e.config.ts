// Browser end-to-end tests: the production build served by `vite preview`,
// driven in Debian's headless Chromium through playwright-core. One file at a
// time: the machine has two cores and each file starts its own browser.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    // Needs a CouchDB: run by `npm run test:e2e:network` (vitest.e2e-network.config.ts).
    exclude: ['tests/e2e/network.e2e.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/support/globalSetup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
