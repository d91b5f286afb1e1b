// One episode, read-only: its summary, every event with its time and the
// interval from the start, a chain check, and the step-by-step replay.
import { useEffect, useMemo, useState } from 'react';
import { exportEpisodeFhir } from '../../db/export';
import { loadEpisode, verifyEpisode, type ChainCheck, type LoadedEpisode } from '../../db/log';
import { toStorageError, type LogDb } from '../../db/database';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import type { SaveFile } from './download';
import { formatClock, formatDateTime, formatInterval, formatMinutes } from './formatTime';
import { describeEvent, MODALITY_LABEL, STATUS_LABEL, URGENCY_LABEL } from './labels';
import { ReplayControl } from './ReplayControl';
import { stepLookup } from './sopSteps';
import { clockJumps } from './clockDrift';
import { FocusedHeading } from '../../ui/FocusedHeading';
import { SummaryList, SummaryRow } from '../../ui/SummaryList';
import { WarningCallout } from '../../ui/WarningCallout';
import '../../ui/dataTable.css';

interface Props {
  db: LogDb;
  episodeId: string;
  onBack(): void;
  saveFile: SaveFile;
}

function ChainResult({ check }: { check: ChainCheck }) {
  if (check.ok) {
    return (
      <Banner tone="info">
        Record intact: {check.seq} events link up. Chain head (record this to compare later): <code>{check.head}</code>
      </Banner>
    );
  }
  return <Banner tone="error">This record does not match its hash chain from event {check.brokenAt}: {check.reason}</Banner>;
}

export function EpisodeTimeline({ db, episodeId, onBack, saveFile }: Props) {
  const [loaded, setLoaded] = useState<LoadedEpisode | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [check, setCheck] = useState<ChainCheck | null>(null);

  useEffect(() => {
    let cancelled = false;
    loadEpisode(episodeId, db)
      .then((result) => !cancelled && setLoaded(result))
      .catch((caught: unknown) => !cancelled && setError(toStorageError(caught).userMessage));
    return () => {
      cancelled = true;
    };
  }, [db, episodeId]);

  const stepOf = useMemo(() => stepLookup(loaded?.sop?.document, loaded?.linkedSops ?? []), [loaded]);
  const back = <Button variant="secondary" onClick={onBack}>Back to the list</Button>;
  if (error) return <section className="log-panel"><Banner tone="error">{error}</Banner>{back}</section>;
  if (!loaded) return <p role="status">Loading the episode…</p>;

  const { episode, events, sop } = loaded;
  const verify = async () => setCheck(await verifyEpisode(episode.id, db).catch((caught: unknown) => ({ ok: false as const, brokenAt: 0, reason: toStorageError(caught).userMessage })));
  const exportFhir = async () => saveFile(`episode-${episode.id}.fhir.json`, [await exportEpisodeFhir(episode.id, db)], 'application/fhir+json');
  const toClinician = episode.firstClinicianReachedAt === null ? null : episode.firstClinicianReachedAt - episode.startedAt;
  const jumps = clockJumps(events);

  return (
    <section className="log-panel" aria-labelledby="log-episode-heading">
      {back}
      <FocusedHeading level={2} id="log-episode-heading">Episode started {formatDateTime(episode.startedAt)}</FocusedHeading>
      <SummaryList>
        <SummaryRow label="SOP">{sop?.title || episode.sopId} (version {episode.sopVersion})</SummaryRow>
        <SummaryRow label="Site">{episode.site || 'not recorded'}</SummaryRow>
        <SummaryRow label="Modality">{MODALITY_LABEL[episode.modality] ?? episode.modality}</SummaryRow>
        <SummaryRow label="Operator role">{episode.operatorRole || 'not recorded'}</SummaryRow>
        {episode.localRef && <SummaryRow label="Local reference (never a patient identifier)">{episode.localRef}</SummaryRow>}
        <SummaryRow label="Status">{STATUS_LABEL[episode.status]}{episode.endedAt !== null ? `, ended ${formatDateTime(episode.endedAt)}` : ''}</SummaryRow>
        <SummaryRow label="Urgency">{URGENCY_LABEL[episode.urgency]}{episode.outcomeStepId ? ` (${stepOf(episode.outcomeStepId).title})` : ''}</SummaryRow>
        <SummaryRow label="First clinician reached">{toClinician === null ? 'not recorded' : `after ${formatMinutes(toClinician)}`}</SummaryRow>
        <SummaryRow label="Recorded by app version">{episode.appVersion}</SummaryRow>
      </SummaryList>
      <div className="log-actions">
        <Button onClick={verify}>Check the record’s hash chain</Button>
        <Button variant="secondary" onClick={exportFhir}>Download as FHIR</Button>
      </div>
      {check && <ChainResult check={check} />}
      {jumps.length > 0 && (
        <WarningCallout>
          The tablet’s clock was changed during this episode ({jumps.map((jump) => `${jump.jumpMs > 0 ? 'forward' : 'back'} about ${Math.round(Math.abs(jump.jumpMs) / 1000)} s after event ${jump.afterSeq}`).join('; ')}). Times after that point are as the clock showed them.
        </WarningCallout>
      )}
      <div className="data-table__wrap">
        <table className="data-table">
          <caption>Timeline: every step, answer, contact attempt and timer</caption>
          <thead>
            <tr><th scope="col">#</th><th scope="col">Time</th><th scope="col">From start</th><th scope="col">What happened</th></tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.seq}>
                <td>{event.seq}</td>
                <td>{formatClock(event.at)}</td>
                <td>{formatInterval(event.at - episode.startedAt)}</td>
                <th scope="row" className="log-table__event">{describeEvent(event, stepOf)}</th>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ReplayControl events={events} startedAt={episode.startedAt} stepOf={stepOf} />
    </section>
  );
}
