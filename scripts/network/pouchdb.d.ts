// The `pouchdb` package (Node build) ships no types; nodePouch.ts types what it uses.
declare module 'pouchdb' {
  const PouchDB: unknown;
  export default PouchDB;
}
