// Writing an ended episode's pack after its end event is stored, in its own
// strict transaction, then sealing the blocks around it in another: both are
// only read copies, so a failure here leaves the record whole and exports read
// that episode's rows instead.
import { sealAround } from './blockSealing';
import { eventsOf } from '../log';
import { isEnded, packFits, packOf } from './episodePacks';
import type { LogDb } from '../database';

/** Packs the episode's stored rows if it has ended, then seals the blocks around it. Resolves false when no pack was written. */
export async function storePack(episodeId: string, db: LogDb): Promise<boolean> {
  const stored = await packEpisode(episodeId, db);
  if (stored) await sealAround(db, episodeId);
  return stored;
}

async function packEpisode(episodeId: string, db: LogDb): Promise<boolean> {
  try {
    return await db.transaction('rw', [db.episodes, db.events, db.packs], async () => {
      const episode = await db.episodes.get(episodeId);
      if (!episode || !isEnded(episode)) return false;
      const pack = packOf(episodeId, await eventsOf(episodeId, db));
      if (!pack || !packFits(pack, episode)) return false;
      await db.packs.put(pack);
      return true;
    });
  } catch {
    // Deliberately quiet: the end event is already stored, and a missing pack only means a slower export.
    return false;
  }
}
