// Catches the files the app hands the user (ui/files saves through an object
// URL): each saved Blob is read back as text, as the user would open it.
import { vi } from 'vitest';

export function catchSavedFiles(): { texts: string[]; stop(): void } {
  const texts: string[] = [];
  const spy = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const reader = new FileReader();
    reader.onload = () => texts.push(String(reader.result));
    reader.readAsText(blob as Blob);
    return `blob:saved-${texts.length}`;
  });
  return { texts, stop: () => spy.mockRestore() };
}
