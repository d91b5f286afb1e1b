// One CouchDB for the whole network test run (see couchServer.ts for which),
// told to each test file; stopped at the end if this run started it.
import type { TestProject } from 'vitest/node';
import { startCouch, type RunningCouch } from '../../../scripts/network/couchServer';

let couch: RunningCouch | undefined;

declare module 'vitest' {
  export interface ProvidedContext {
    couchUrl: string;
    /** The folder of a release the run may kill -9 and restart ('' when the server is not ours to kill). */
    couchDir: string;
  }
}

export async function setup(project: TestProject): Promise<void> {
  couch = await startCouch();
  console.log(`Network tests against CouchDB at ${couch.publicBase}${couch.dir ? ` (release in ${couch.dir})` : ''}`);
  project.provide('couchUrl', couch.url);
  project.provide('couchDir', couch.dir ?? '');
}

export async function teardown(): Promise<void> {
  await couch?.stop();
}
