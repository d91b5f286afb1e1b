// CPR mode in a collapse episode: the CPR clock offered once the emergency
// call has been made, then open (CprPanel) or folded to a strip while the
// worker reads the steps (CprStrip). The clock is read every second from the
// logged taps (epoch ms in the episode log, never an XState `after`), so a
// reload carries on from the stored times. Every tap is logged through the
// episode controller; the end of each cycle is on the app's alarm clock.
import type { CprMark } from '../../../engine';
import { unlockAlarmSound } from '../../../shared/alarm';
import type { SettingsStore } from '../../../shared/session';
import type { EpisodeController } from '../episode/episodeController';
import type { EpisodeView } from '../episode/episodeView';
import { useNow } from '../timers/useNow';
import { acceptsNewCycle, cprAnnouncement, readCprClock } from './cprClock';
import { collapseTime, cprOffered } from './cprOffer';
import { CprPanel } from './CprPanel';
import { CprStrip } from './CprStrip';
import { useCprAlarm } from './useCprAlarm';
import { useLocalAdrenaline } from './useLocalAdrenaline';

export interface CprModeProps {
  controller: Pick<EpisodeController, 'noteCpr' | 'episodeId'>;
  view: EpisodeView;
  /** The episode's app path, for the alarm banner's "go to it". */
  path: string;
  /** The worker folded the running clock away to see the steps. */
  folded: boolean;
  onFold(folded: boolean): void;
  settings?: SettingsStore;
}

/** Whether the CPR clock is running (the screen shows it in place of the step unless folded). */
export function cprRunning(marks: readonly CprMark[]): boolean {
  return readCprClock({ collapseAt: null, marks, now: 0, adrenaline: false }).state === 'running';
}

export function CprMode({ controller, view, path, folded, onFold, settings }: CprModeProps) {
  const running = cprRunning(view.cpr);
  const adrenaline = useLocalAdrenaline(running, settings);
  const now = useNow(running);
  const collapseAt = collapseTime(view);
  const readAt = (at: number) => readCprClock({ collapseAt, marks: view.cpr, now: at, adrenaline });
  const reading = readAt(now);
  const offered = cprOffered(view);
  useCprAlarm({ episodeId: controller.episodeId, path, deadline: reading.deadline, cycle: reading.cycle, ended: view.ended !== null });

  const log = (mark: Omit<CprMark, 'at'>, cycle: number, at = Date.now()) => {
    unlockAlarmSound();
    void controller.noteCpr(mark, cycle, at);
  };
  const start = () => {
    if (!offered || running) return;
    log({ kind: 'started' }, 1);
    onFold(false);
  };
  const newCycle = () => {
    const at = Date.now();
    const current = readAt(at);
    if (acceptsNewCycle(current, at)) log({ kind: 'rhythm-checked' }, current.cycle, at);
  };

  if (running && !folded) {
    return (
      <CprPanel
        reading={reading}
        collapseAt={collapseAt}
        announcement={cprAnnouncement(reading)}
        onNewCycle={newCycle}
        onSwap={() => log({ kind: 'compressor-swapped' }, reading.cycle)}
        onAdrenaline={adrenaline ? () => log({ kind: 'adrenaline-given' }, reading.cycle) : null}
        onStop={(reason) => log({ kind: 'stopped', reason }, reading.cycle)}
        onFold={() => onFold(true)}
      />
    );
  }
  return <CprStrip reading={reading} offered={offered} onStart={start} onOpen={() => onFold(false)} />;
}
