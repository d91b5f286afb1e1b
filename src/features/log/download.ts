// Exports leave the Log section as downloaded files, handed over in parts (see
// saveFileParts): text, or the UTF-8 bytes of a whole file (the event-level
// exports, whose Blob is made faster from one buffer). The save function is
// passed in so tests, where jsdom cannot download, can replace it.
import { saveFileParts as saveParts } from '../../ui/files';

export type FilePart = string | Uint8Array<ArrayBuffer>;

export type SaveFile = (fileName: string, parts: readonly FilePart[], mimeType: string) => void;

/**
 * ui/files joins the parts in a Blob, which takes bytes as it takes text; its
 * signature names text only (widening it there would drop this cast).
 */
export const saveFileParts: SaveFile = (fileName, parts, mimeType) => saveParts(fileName, parts as readonly string[], mimeType);
