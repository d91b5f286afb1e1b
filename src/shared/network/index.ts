// The network room's door: the sync status both the header and Settings show,
// and starting or stopping sync (which loads the sync code on demand).
export * from './networkRuntime';
export * from './networkStatus';
