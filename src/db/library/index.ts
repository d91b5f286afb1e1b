// The library room's door: what the rest of the app may use of it.
export * from './library';
export * from './libraryPublish';
export * from './libraryRows';
export * from './sopStore';
export * from './acceptDocument';
export * from './approverKeys';
export * from './libraryLog';
export * from './lookAlike';
export * from './trustStore';
export * from './withdrawals';
