// The activity room's door: what the rest of the app may use of it.
export * from './episodeActivity';
export * from './firstScreen';
