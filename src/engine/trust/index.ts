// Signed approvals and the trust list: pure WebCrypto and canonical text (no
// IndexedDB), shared by the app and the Node CLI.
export * from './base64url';
export * from './stableJson';
export * from './trustKeys';
export * from './trustList';
export * from './signedSop';
