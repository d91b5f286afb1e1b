// The export room's door: what the rest of the app may use of it.
export * from './csvExport';
export * from './csvText';
export * from './exportBytes';
export * from './exportCollect';
export * from './exportReads';
export * from './fhirExport';
export * from './jsonExport';
