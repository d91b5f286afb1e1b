// The read room's door: what the rest of the app may use of it.
export * from './chainReads';
export * from './dashboard';
export * from './dateRangeReads';
export * from './episodeQueries';
export * from './monthlyStats';
export * from './dueStats';
