// Test set-up shared by every unit and component test: jest-dom matchers,
// an in-memory IndexedDB, and a clean DOM after each test.
import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
});
