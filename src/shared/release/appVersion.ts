// The build's version, recorded on every episode so a governance review knows
// which app ran it. Set at build time from package.json (see vite.config.ts).
export const APP_VERSION: string = import.meta.env.VITE_APP_VERSION ?? 'development';
