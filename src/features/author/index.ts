// The author section's door for the shell (loaded lazily by sectionModules.ts).
export { AuthorSection } from './AuthorSection';
