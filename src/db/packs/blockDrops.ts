// Taking a pack block away when a write makes it untrue: any write that adds
// an episode to a block's range or changes one it holds deletes the block in
// the same transaction (exports check every block as well, in case one forgets).
import type { Table } from 'dexie';
import type { BlockKey } from './packBlocks';
import type { PackBlockRow } from '../database';

const END = '\uffff';

/** Deletes the block whose range holds this id, inside the caller's Dexie write transaction. */
export async function dropBlockHolding(table: Table<PackBlockRow, BlockKey>, episodeId: string): Promise<void> {
  const [key] = (await table.where(':id').below([episodeId, END]).reverse().limit(1).primaryKeys()) as BlockKey[];
  if (key && key[0] <= episodeId && episodeId < key[1]) await table.delete(key);
}

/** The same for a plain IndexedDB write transaction that includes the 'packBlocks' store (the runner's appends). */
export function dropBlockHoldingIn(store: IDBObjectStore, episodeId: string): void {
  const request = store.openKeyCursor(IDBKeyRange.upperBound([episodeId, END]), 'prev');
  request.onsuccess = () => {
    const key = request.result?.primaryKey as BlockKey | undefined;
    if (key && key[0] <= episodeId && episodeId < key[1]) store.delete(key);
  };
}
