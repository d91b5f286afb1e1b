// The sync room's door: the network transport (PouchDB, loaded on demand),
// enrolment, and the governance replica. Dexie stays the record.
export * from './enrolment';
export * from './governancePull';
export * from './libraryArrivals';
export * from './logDocs';
export * from './networkCredentials';
export * from './networkNames';
export * from './outboxFill';
export * from './pouchFactory';
export * from './syncProblems';
export * from './syncSession';
