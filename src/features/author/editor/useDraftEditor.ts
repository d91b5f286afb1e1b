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
  text: string;
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
  const [text, setTextState] = useState('');
  const [doc, setDocState] = useState<SopDocument | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [checked, setChecked] = useState(false);
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const held = useRef(false);
  const dirty = useRef(false);
  const paused = useRef(false);
  /** Text typed since the last save started; what leaving must not lose. */
  const unsavedText = useRef<string | null>(null);

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

  // Live validation, debounced so a long SOP never slows typing down.
  useEffect(() => {
    if (status !== 'ready') return;
    setChecked(false);
    const timer = setTimeout(() => {
      setProblems(parseSopText(text).problems);
      setChecked(true);
    }, VALIDATE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, status]);

  // Autosave: only text that is JSON; a held import only once it validates.
  useEffect(() => {
    if (status !== 'ready' || !dirty.current) return;
    const { value, parsed } = read(text);
    if (!parsed) return setSaveState(held.current ? 'held' : 'unsaved');
    if (held.current && !validateSop(value).ok) return setSaveState('held');
    setSaveState('unsaved');
    const timer = setTimeout(() => {
      if (paused.current) return;
      unsavedText.current = null;
      setSaveState('saving');
      saveDraft(key, value, db).then(
        () => {
          if (held.current) releaseImport(key);
          held.current = false;
          setSaveState('saved');
        },
        () => {
          unsavedText.current = text;
          setSaveState('failed');
        },
      );
    }, AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, status, key, db]);

  // Leaving the editor: write what is pending now instead of dropping the timer.
  useEffect(() => {
    const flush = () => {
      const pending = unsavedText.current;
      if (pending === null || paused.current) return;
      unsavedText.current = null;
      const { value, parsed } = read(pending);
      if (parsed && (!held.current || validateSop(value).ok)) {
        void saveDraft(key, value, db).then(() => held.current && releaseImport(key), () => holdImport(key, pending));
      } else {
        // Not JSON yet, or an import still failing: kept for the way back (this session).
        holdImport(key, pending);
      }
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (unsavedText.current === null || paused.current) return;
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
    unsavedText.current = next;
    dirty.current = true;
    setTextState(next);
    const shaped = formShapeOf(read(next).value);
    if (shaped) setDocState(shaped);
    else setDocState(null);
  }, []);

  const setDoc = useCallback((next: SopDocument) => {
    const nextText = pretty(next);
    unsavedText.current = nextText;
    dirty.current = true;
    setDocState(next);
    setTextState(nextText);
  }, []);

  const pauseAutosave = useCallback((pause: boolean) => {
    paused.current = pause;
  }, []);

  return { status, text, doc, problems, checked, saveState, setDoc, setText, pauseAutosave };
}
