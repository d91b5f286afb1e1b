// The working state of a draft: its JSON text, the document the form edits,
// live problems (validated ~150 ms after typing stops, never blocking it) and
// autosave. A failed import is held in memory and saved only once valid.
// Nothing typed is lost on leaving: the pending save is written at once when
// the editor closes (another section, the library, a new route), text that
// cannot be saved yet is held in memory for the way back, and closing the
// tab with a save still pending asks first.
import { useCallback, useEffect, useRef, useState } from 'react';
import { parseSopText, validateSop, type Problem, type SopDocument } from '../../../engine';
import { saveDraft } from '../../../db/library';
import { openLogDb, type LogDb } from '../../../db/database';
import { holdImport, releaseImport, takeImport } from '../import/pendingImports';
import { formShapeOf } from './draftShape';

export const VALIDATE_DELAY_MS = 150;
export const AUTOSAVE_DELAY_MS = 600;

export type SaveState = 'saved' | 'saving' | 'unsaved' | 'held' | 'failed';

export interface DraftEditor {
  status: 'loading' | 'ready' | 'missing';
  /**
   * The draft as JSON text. Written out on demand (the JSON view, publishing):
   * an edit in the form changes the document only, so a keystroke never
   * re-serialises a long SOP.
   */
  currentText(): string;
  /** The document as the form shows it, or null when the JSON cannot be shown as a form. */
  doc: SopDocument | null;
  problems: Problem[];
  /** Problems are from the latest text (false while typing is being debounced). */
  checked: boolean;
  saveState: SaveState;
  setDoc(next: SopDocument): void;
  setText(next: string): void;
  /** Stops autosave while publishing, so a late save cannot bring the published draft back. */
  pauseAutosave(paused: boolean): void;
}

const pretty = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

function read(text: string): { value: unknown; parsed: boolean } {
  try {
    return { value: JSON.parse(text) as unknown, parsed: true };
  } catch {
    return { value: undefined, parsed: false };
  }
}

export function useDraftEditor(key: string, db?: LogDb): DraftEditor {
  const [status, setStatus] = useState<DraftEditor['status']>('loading');
  // null: the form's document is the source and the text is derived from it on demand.
  const [text, setTextState] = useState<string | null>('');
  const [doc, setDocState] = useState<SopDocument | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [checked, setChecked] = useState(false);
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const held = useRef(false);
  const dirty = useRef(false);
  const paused = useRef(false);
  /** What was typed since the last save started (text, or the form's document); what leaving must not lose. */
  const unsaved = useRef<{ text: string } | { doc: SopDocument } | null>(null);
  const latestDoc = useRef<SopDocument | null>(null);
  latestDoc.current = doc;

  useEffect(() => {
    let cancelled = false;
    const pending = takeImport(key);
    const load = async (): Promise<string | null> => {
      if (pending !== undefined) return pending;
      const row = await (db ?? openLogDb()).sops.get(key);
      return row && row.status === 'draft' ? pretty(row.document) : null;
    };
    void load().then((loaded) => {
      if (cancelled) return;
      if (loaded === null) return setStatus('missing');
      held.current = pending !== undefined;
      setSaveState(held.current ? 'held' : 'saved');
      setTextState(loaded);
      setDocState(formShapeOf(read(loaded).value));
      setStatus('ready');
    }, () => !cancelled && setStatus('missing'));
    return () => {
      cancelled = true;
    };
  }, [key, db]);

  // Live validation, debounced so a long SOP never slows typing down. A form
  // edit is checked as the document it is (no JSON round trip); typed JSON is
  // parsed, which also finds keys written twice.
  useEffect(() => {
    if (status !== 'ready') return;
    setChecked(false);
    const timer = setTimeout(() => {
      setProblems(text === null ? validateSop(latestDoc.current).problems : parseSopText(text).problems);
      setChecked(true);
    }, VALIDATE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, doc, status]);

  // Autosave: only text that is JSON; a held import only once it validates.
  useEffect(() => {
    if (status !== 'ready' || !dirty.current) return;
    const { value, parsed } = text === null ? { value: doc as unknown, parsed: true } : read(text);
    if (!parsed) return setSaveState(held.current ? 'held' : 'unsaved');
    if (held.current && !validateSop(value).ok) return setSaveState('held');
    setSaveState('unsaved');
    const timer = setTimeout(() => {
      if (paused.current) return;
      const saving = unsaved.current;
      unsaved.current = null;
      setSaveState('saving');
      saveDraft(key, value, db).then(
        () => {
          if (held.current) releaseImport(key);
          held.current = false;
          setSaveState('saved');
        },
        () => {
          unsaved.current ??= saving;
          setSaveState('failed');
        },
      );
    }, AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, doc, status, key, db]);

  // Leaving the editor: write what is pending now instead of dropping the timer.
  useEffect(() => {
    const flush = () => {
      const pending = unsaved.current;
      if (pending === null || paused.current) return;
      unsaved.current = null;
      const pendingText = () => ('text' in pending ? pending.text : pretty(pending.doc));
      const { value, parsed } = 'doc' in pending ? { value: pending.doc as unknown, parsed: true } : read(pending.text);
      if (parsed && (!held.current || validateSop(value).ok)) {
        void saveDraft(key, value, db).then(() => held.current && releaseImport(key), () => holdImport(key, pendingText()));
      } else {
        // Not JSON yet, or an import still failing: kept for the way back (this session).
        holdImport(key, pendingText());
      }
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (unsaved.current === null || paused.current) return;
      flush();
      event.preventDefault();
    };
    const onHidden = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('visibilitychange', onHidden);
      flush();
    };
  }, [key, db]);

  const setText = useCallback((next: string) => {
    unsaved.current = { text: next };
    dirty.current = true;
    setTextState(next);
    const shaped = formShapeOf(read(next).value);
    if (shaped) setDocState(shaped);
    else setDocState(null);
  }, []);

  const setDoc = useCallback((next: SopDocument) => {
    unsaved.current = { doc: next };
    dirty.current = true;
    setDocState(next);
    setTextState(null);
  }, []);

  const currentText = useCallback((): string => (text === null ? pretty(doc) : text), [text, doc]);

  const pauseAutosave = useCallback((pause: boolean) => {
    paused.current = pause;
  }, []);

  return { status, currentText, doc, problems, checked, saveState, setDoc, setText, pauseAutosave };
}
