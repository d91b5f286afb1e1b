// The Log section: the episode list, one episode's timeline and replay, the
// governance dashboard, and export/import. Mounted by the app shell without
// props; tests pass their own database and file saver.
import { useCallback, useEffect, useRef, useState } from 'react';
import { listSops, type SopSummary } from '../../db/library';
import { openLogDb, type LogDb } from '../../db/database';
import { Button } from '../../ui/Button';
import { Dashboard } from './Dashboard';
import { saveFileParts, type SaveFile } from './download';
import { EpisodeList } from './EpisodeList';
import { EpisodeTimeline } from './EpisodeTimeline';
import { TransferPanel } from './TransferPanel';
import { GovernanceView } from './GovernanceView';
import './log.css';

type View = 'episodes' | 'dashboard' | 'transfer' | 'network';

const VIEWS: Array<{ view: View; label: string }> = [
  { view: 'episodes', label: 'Episodes' },
  { view: 'dashboard', label: 'Dashboard' },
  { view: 'transfer', label: 'Export and import' },
  { view: 'network', label: 'Network (governance)' },
];

export interface LogSectionProps {
  db?: LogDb;
  saveFile?: SaveFile;
  appVersion?: string;
}

export function LogSection({ db: givenDb, saveFile = saveFileParts, appVersion = import.meta.env.VITE_APP_VERSION ?? 'development' }: LogSectionProps = {}) {
  const [db] = useState(() => givenDb ?? openLogDb());
  const [view, setView] = useState<View>('episodes');
  const [episodeId, setEpisodeId] = useState<string | null>(null);
  const [sops, setSops] = useState<SopSummary[]>([]);
  const [generation, setGeneration] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let cancelled = false;
    listSops(db)
      .then((list) => !cancelled && setSops(list))
      .catch(() => !cancelled && setSops([]));
    return () => {
      cancelled = true;
    };
  }, [db, generation]);

  const show = (next: View) => {
    setEpisodeId(null);
    setView(next);
  };
  const backToList = useCallback(() => {
    setEpisodeId(null);
    heading.current?.focus();
  }, []);

  return (
    <div className="log-section">
      <h1 ref={heading} tabIndex={-1}>Log</h1>
      <p className="log-intro">
        Every escalation on this tablet, for clinical governance. Records are hash-chained, which makes changes evident (tamper-evident, not tamper-proof).
      </p>
      <nav aria-label="Log views" className="log-views">
        {VIEWS.map((item) => (
          <Button key={item.view} variant={view === item.view ? 'primary' : 'secondary'} aria-current={view === item.view ? 'page' : undefined} onClick={() => show(item.view)}>
            {item.label}
          </Button>
        ))}
      </nav>
      {view === 'episodes' && episodeId && <EpisodeTimeline key={episodeId} db={db} episodeId={episodeId} onBack={backToList} saveFile={saveFile} />}
      {view === 'episodes' && !episodeId && <EpisodeList key={generation} db={db} sops={sops} onOpen={setEpisodeId} />}
      {view === 'dashboard' && <Dashboard key={generation} db={db} sops={sops} />}
      {view === 'network' && <GovernanceView saveFile={saveFile} />}
      {view === 'transfer' && <TransferPanel db={db} appVersion={appVersion} saveFile={saveFile} onImported={() => setGeneration((n) => n + 1)} />}
    </div>
  );
}
