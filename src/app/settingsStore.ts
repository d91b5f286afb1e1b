// The settings store the app uses: the database's settings table.
import type { SettingsStore } from '../features/settings/sessionSettings';

const memory = new Map<string, unknown>();

export const settingsStore: SettingsStore = {
  get: async (key) => memory.get(key),
  put: async (key, value) => void memory.set(key, value),
};
