// The settings store the app uses: the episode database's settings table, so
// the session survives reloads and travels with the device's data. The
// database code (Dexie) is imported on the first read, at start, so the first
// screen paints without waiting for it to download and compile.
import type { SettingsStore } from './sessionSettings';

const configRoom = () => import('../../db/config');

export const settingsStore: SettingsStore = {
  get: async (key) => (await configRoom()).getSetting(key),
  put: async (key, value) => (await configRoom()).putSetting(key, value),
};
