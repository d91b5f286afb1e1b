// Exports leave the Log section as downloaded files, handed over in parts: a
// Blob joins them, so an export of 100,000 events never becomes one huge
// string. The save function is passed in so tests, where jsdom cannot download, can replace it.

export type SaveFile = (fileName: string, parts: readonly string[], mimeType: string) => void;

/** Saves the parts as one file through a temporary object URL: the only offline way to give the user a file. */
export const saveFileParts: SaveFile = (fileName, parts, mimeType) => {
  const url = URL.createObjectURL(new Blob([...parts], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};
