// Saves generated text (an export) as a file through a temporary object URL.
// Replaceable in tests, where jsdom cannot download.

export type SaveFile = (fileName: string, text: string, mimeType: string) => void;

export const saveTextFile: SaveFile = (fileName, text, mimeType) => {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};
