// Test set-up shared by every unit and component test: jest-dom matchers,
// an in-memory IndexedDB, and a clean DOM after each test.
import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { registerBuiltInSops } from '../src/db/library';
import { builtInSops, collapseSop } from '../src/sops';

// findBy* queries wait up to 5 s: a loaded two-core CI machine is slow, not wrong.
configure({ asyncUtilTimeout: 5000 });

// The app registers the shipped SOP templates at start (src/main.tsx); so do the tests.
registerBuiltInSops([...builtInSops, collapseSop]);

afterEach(() => {
  cleanup();
});
