// The settings section's door for the shell (loaded lazily by sectionModules.ts).
export { SettingsSection } from './SettingsSection';
