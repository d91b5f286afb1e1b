// Reading the handover aloud with the browser's speech synthesis, so a worker
// with gloved hands can hear what to say. Absent in jsdom and some browsers.

function synth(): SpeechSynthesis | null {
  const value = (globalThis as { speechSynthesis?: SpeechSynthesis }).speechSynthesis;
  return value && typeof value.speak === 'function' ? value : null;
}

export function canSpeak(): boolean {
  return synth() !== null && typeof globalThis.SpeechSynthesisUtterance === 'function';
}

export function speak(text: string): boolean {
  const engine = synth();
  if (!engine || typeof globalThis.SpeechSynthesisUtterance !== 'function') return false;
  engine.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = 'en-GB';
  engine.speak(utterance);
  return true;
}
