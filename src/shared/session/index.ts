// The session room's door: what the rest of the app may use of it.
export * from './SessionContext';
export * from './sessionSettings';
export * from './settingsStore';
export * from './ambulanceWait';
export * from './cprAdrenaline';
