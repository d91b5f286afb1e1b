// The packs room's door: what the rest of the app may use of it.
export * from './blockChecks';
export * from './blockDrops';
export * from './blockSealing';
export * from './episodePacks';
export * from './packBlocks';
export * from './packWrites';
export * from './packedChains';
