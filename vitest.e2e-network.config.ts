// The network tier's browser test (tests/e2e/network.e2e.ts): the production
// build in headless Chromium against a real CouchDB 3 it starts itself (or the
// one at COUCHDB_URL). Kept out of `npm run test:e2e`, which needs no server.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/network.e2e.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/support/globalSetup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
