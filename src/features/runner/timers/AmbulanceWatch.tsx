// After 999 got through, the app watches for the ambulance: if it is not here
// within the local wait (Settings; default the NHS England Category 2 mean
// target of 18 minutes) an alarm prompts a call back to 999 and an upgrade if
// the patient is worse. "Called back" starts the wait again; "arrived" ends it.
import { useEffect, useState } from 'react';
import { escalationFacts, type SopContext, type SopDocument } from '../../../engine';
import { appAlarms, type AlarmService } from '../../../shared/alarm';
import { DEFAULT_AMBULANCE_WAIT_MINUTES, readAmbulanceWait, settingsStore, type SettingsStore } from '../../../shared/session';
import { Button } from '../../../ui/Button';
import type { AmbulanceNote } from '../episode/episodeView';
import { clockTime } from '../format/time';
import { useNow } from './useNow';
import './ambulanceWatch.css';

const MINUTE = 60_000;

export const ambulanceAlarmKey = (episodeId: string) => `episode:${episodeId}:ambulance`;

/** When the last 999 call got through (an ambulance role with 999 in its id), else null. */
export function ambulanceCalledAt(context: SopContext, doc: SopDocument, collapse?: SopDocument): number | null {
  const calls = escalationFacts(context, doc, collapse).calls
    .filter((call) => call.roleType === 'ambulance' && call.role.includes('999') && call.result !== 'noAnswer' && !call.notConfigured);
  return calls.at(-1)?.at ?? null;
}

export interface AmbulanceWatchProps {
  episodeId: string;
  path: string;
  context: SopContext;
  doc: SopDocument;
  collapse?: SopDocument;
  note: AmbulanceNote | null;
  ended: boolean;
  onNote(kind: AmbulanceNote['kind']): void;
  alarms?: AlarmService;
  settings?: SettingsStore;
}

export function AmbulanceWatch({ episodeId, path, context, doc, collapse, note, ended, onNote, alarms = appAlarms, settings = settingsStore }: AmbulanceWatchProps) {
  const [minutes, setMinutes] = useState<number>(DEFAULT_AMBULANCE_WAIT_MINUTES);
  const calledAt = ambulanceCalledAt(context, doc, collapse);
  const arrived = note?.kind === 'arrived' && calledAt !== null && note.at >= calledAt;
  const from = calledAt === null ? null : Math.max(calledAt, note?.kind === 'called-back' ? note.at : 0);
  const checkAt = from === null || arrived ? null : from + minutes * MINUTE;
  const now = useNow(checkAt !== null, 5000);

  useEffect(() => {
    let live = true;
    void readAmbulanceWait(settings).then((value) => live && setMinutes(value));
    return () => {
      live = false;
    };
  }, [settings]);

  useEffect(() => {
    const key = ambulanceAlarmKey(episodeId);
    if (checkAt === null || ended) {
      alarms.cancel(key);
      return;
    }
    alarms.schedule({
      key, at: checkAt, path, title: `No ambulance after ${minutes} minutes`,
      text: 'Call 999 back: say how long you have waited and how the patient is now, and ask for an upgrade if they are worse.',
    });
  }, [alarms, episodeId, path, checkAt, minutes, ended]);

  if (calledAt === null || arrived || ended || checkAt === null) return null;
  const late = now >= checkAt;
  return (
    <section className={`runner-ambulance${late ? ' runner-ambulance--late' : ''}`} aria-label="Ambulance">
      {late ? (
        <p role="alert"><strong>The ambulance is not here after {minutes} minutes.</strong> Call 999 back: say how long you have waited and how the patient is now, and ask for an upgrade if they are worse.</p>
      ) : (
        <p>999 called at {clockTime(calledAt)}. If the ambulance is not here by {clockTime(checkAt)}, the app will alarm and prompt you to call back.</p>
      )}
      <div className="runner-ambulance__actions">
        {late ? <a className="button button--primary-size" href="tel:999">Call 999 back</a> : null}
        {late ? <Button variant="secondary" onClick={() => onNote('called-back')}>I have called 999 back</Button> : null}
        <Button variant="secondary" onClick={() => onNote('arrived')}>Ambulance has arrived</Button>
      </div>
    </section>
  );
}
