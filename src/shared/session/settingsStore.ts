// The settings store the app uses: the episode database's settings table, so
// the session survives reloads and travels with the device's data.
import { getSetting, putSetting } from '../../db/config';
import type { SettingsStore } from './sessionSettings';

export const settingsStore: SettingsStore = {
  get: (key) => getSetting(key),
  put: (key, value) => putSetting(key, value),
};
