// The database room's door: what the rest of the app may use of it.
export * from './errors';
export * from './idbRequests';
export * from './logDb';
export * from './migrations';
export * from './readQueue';
export * from './rows';
