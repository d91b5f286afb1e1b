// Handing files to and from the user with no network: save generated text as a
// download (exports, SOP versions, the directory) and read a picked or dropped file.

export type SaveFile = (fileName: string, text: string, mimeType: string) => void;

/**
 * Saves a file made of parts (a Blob joins them, so a large export never
 * becomes one huge string) through a temporary object URL: the only offline
 * way to give the user a file.
 */
export function saveFileParts(fileName: string, parts: readonly string[], mimeType: string): void {
  const url = URL.createObjectURL(new Blob([...parts], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const saveTextFile: SaveFile = (fileName, text, mimeType) => saveFileParts(fileName, [text], mimeType);

export function saveJsonFile(fileName: string, text: string): void {
  saveTextFile(fileName, text, 'application/json');
}

/** Reads a picked or dropped file as text, refusing anything larger than the import it is for can take. */
export async function readTextFile(file: Blob, maxBytes = 2_000_000, what = 'an SOP or directory file'): Promise<string> {
  if (file.size > maxBytes) throw new Error(`The file is ${(file.size / 1_000_000).toFixed(1)} MB; it is too large to be ${what}.`);
  // FileReader rather than Blob.text(): it is in every browser the app supports (and in jsdom).
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(new Error('The file could not be read.'));
    reader.readAsText(file);
  });
}
