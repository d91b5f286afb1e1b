// Saves text as a downloaded .json file (SOP versions, the contacts directory).
// Browsers offer no other offline way to hand a file to the user.
export function saveJsonFile(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Reads a picked or dropped file as text, refusing anything too large to be an SOP. */
export async function readTextFile(file: File, maxBytes = 2_000_000): Promise<string> {
  if (file.size > maxBytes) throw new Error(`The file is ${(file.size / 1_000_000).toFixed(1)} MB; it is too large to be an SOP or directory file.`);
  // FileReader rather than Blob.text(): it is in every browser the app supports (and in jsdom).
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(new Error('The file could not be read.'));
    reader.readAsText(file);
  });
}
