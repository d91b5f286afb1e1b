// The platform room's door: what the rest of the app may use of it.
export * from './storage';
