// Sharing text through the device's share sheet (Web Share), where there is
// one. A user closing the sheet is not an error worth showing.

export type ShareResult = 'shared' | 'cancelled' | 'unavailable' | 'failed';

export function canShare(): boolean {
  const nav = globalThis.navigator as Navigator | undefined;
  return !!nav && typeof nav.share === 'function';
}

export async function shareText(title: string, text: string): Promise<ShareResult> {
  if (!canShare()) return 'unavailable';
  try {
    await navigator.share({ title, text });
    return 'shared';
  } catch (error) {
    return error instanceof DOMException && error.name === 'AbortError' ? 'cancelled' : 'failed';
  }
}
