// Network tests: the security matrix and the sync faults against a real Apache
// CouchDB 3 (COUCHDB_URL with admin credentials, else the release in
// ../shared/couchdb started on a free 127.0.0.1 port). Not part of `npm test`:
// `npm run test:network` (and .ci/run) runs them. One file at a time: they
// share one server and the machine has two cores.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/network/**/*.network.ts'],
    environment: 'node',
    globalSetup: ['tests/network/support/globalSetup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
