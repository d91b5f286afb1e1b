// Imported files that did not validate, held in memory only while the author
// fixes them in the editor: nothing reaches the database until it is valid.
const pending = new Map<string, string>();

export function holdImport(key: string, text: string): void {
  pending.set(key, text);
}

export function takeImport(key: string): string | undefined {
  return pending.get(key);
}

export function releaseImport(key: string): void {
  pending.delete(key);
}
