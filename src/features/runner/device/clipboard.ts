// Copying text (SBAR, report wording) to the clipboard. The async Clipboard API
// is missing on some devices and refused without a secure context, so the
// caller always gets a plain answer to show rather than an exception.

export type CopyResult = 'copied' | 'unavailable' | 'refused';

export async function copyText(text: string): Promise<CopyResult> {
  const clipboard = (globalThis.navigator as Navigator | undefined)?.clipboard;
  if (!clipboard || typeof clipboard.writeText !== 'function') return 'unavailable';
  try {
    await clipboard.writeText(text);
    return 'copied';
  } catch {
    return 'refused';
  }
}

export const COPY_MESSAGE: Record<CopyResult, string> = {
  copied: 'Copied.',
  unavailable: 'Copying is not available on this device: select the text and copy it by hand.',
  refused: 'The device did not allow copying: select the text and copy it by hand.',
};
