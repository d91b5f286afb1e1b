// Exports leave the Log section as downloaded files, handed over in parts (see
// saveFileParts). The save function is passed in so tests, where jsdom cannot
// download, can replace it.
export { saveFileParts } from '../../ui/files';

export type SaveFile = (fileName: string, parts: readonly string[], mimeType: string) => void;
