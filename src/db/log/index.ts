// The log room's door: what the rest of the app may use of it.
export * from './episodeId';
export * from './episodeLock';
export * from './episodeReads';
export * from './episodeSummary';
export * from './episodeWrites';
export * from './eventHash';
export * from './importLog';
export * from './knownHeadAppend';
export * from './linkedSops';
export * from './newEvents';
