// The config room's door: what the rest of the app may use of it.
export * from './directoryStore';
export * from './directoryTransfer';
export * from './settingStore';
export * from './deviceId';
