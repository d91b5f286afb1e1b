// The log section's door for the shell (loaded lazily by sectionModules.ts).
export { LogSection } from './LogSection';
