// Settings → Network: enrol this tablet (server address and one-time code, or
// device credentials issued by the network administrator), then see the sync
// in words: last sync, events waiting, any problem. The secret is never shown;
// the password field is masked and cleared once used.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Banner } from '../../../ui/Banner';
import { Button } from '../../../ui/Button';
import { leaveNetwork, restartNetwork, sendNow, startNetworkIfEnrolled, useNetworkStatus, type NetworkStatus } from '../../../shared/network';
import './network.css';
import { Choices, RadioItem } from '../../../ui/Choices';
import { SummaryList, SummaryRow } from '../../../ui/SummaryList';

type Mode = 'code' | 'credentials';

function formatWhen(at: number, now = Date.now()): string {
  const minutes = Math.round((now - at) / 60_000);
  const clock = new Date(at).toLocaleString('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  if (minutes < 1) return `${clock} (just now)`;
  if (minutes < 120) return `${clock} (${minutes} minute${minutes === 1 ? '' : 's'} ago)`;
  return clock;
}

function StatusFacts({ status }: { status: NetworkStatus }) {
  const report = status.report;
  const identity = status.identity!;
  const phaseWords: Record<string, string> = {
    connecting: 'Connecting to the network server…',
    sending: 'Sending the log to the network server.',
    'up-to-date': 'Up to date with the network server.',
    offline: 'Offline: sync waits for the network.',
    unreachable: 'Waiting for the network server.',
    revoked: 'Network access withdrawn.',
    problem: 'Sync needs attention.',
  };
  return (
    <>
      <SummaryList>
        <SummaryRow label="Sync">{report ? phaseWords[report.phase] : 'Starting…'}</SummaryRow>
        <SummaryRow label="Last sync">{report?.lastSyncAt ? formatWhen(report.lastSyncAt) : 'Not yet since the app opened'}</SummaryRow>
        <SummaryRow label="Events waiting to be sent">{report ? report.waiting : '…'}</SummaryRow>
        <SummaryRow label="Site">{identity.site}</SummaryRow>
        <SummaryRow label="Server" valueClassName="network__url">{identity.url}</SummaryRow>
        <SummaryRow label="Device account">{identity.user}</SummaryRow>
      </SummaryList>
      {report?.problem ? <Banner tone={report.phase === 'revoked' || report.phase === 'problem' ? 'error' : 'warning'}>{report.problem}</Banner> : null}
      {report && report.refused.length > 0 ? (
        <details className="network__refused">
          <summary>Library items refused by the checks ({report.refused.length})</summary>
          <ul>
            {report.refused.map((words) => (
              <li key={words}>{words}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}

function EnrolForm({ onEnrolled }: { onEnrolled(site: string): void }) {
  const id = useId();
  const [mode, setMode] = useState<Mode>('code');
  const [url, setUrl] = useState('');
  const [code, setCode] = useState('');
  const [site, setSite] = useState('');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const problemRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (problem) problemRef.current?.focus();
  }, [problem]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const sync = await import('../../../db/sync');
      if (mode === 'code') {
        const parsed = sync.parseEnrolmentCode(code);
        if (!parsed.ok) throw new sync.EnrolmentError(parsed.problem);
        const typed = url.trim().replace(/\/+$/, '');
        if (typed && typed !== parsed.code.url) throw new sync.EnrolmentError(`This code is for another server (${parsed.code.url}). Check the server address, or leave it empty to use the code's.`);
        const identity = await sync.enrolWithCode(parsed.code);
        setCode('');
        onEnrolled(identity.site);
      } else {
        const checked = sync.checkDeviceCredentials({ url, user, password, site });
        if (!checked.ok) throw new sync.EnrolmentError(checked.problem);
        const identity = await sync.enrolWithCredentials(checked.code);
        onEnrolled(identity.site);
      }
    } catch (error) {
      const words = error && typeof error === 'object' && 'userMessage' in error ? String((error as { userMessage: unknown }).userMessage) : 'Enrolment did not finish. Check the details and try again.';
      setProblem(words);
    } finally {
      // A password is never kept on screen once used.
      setPassword('');
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} aria-describedby={`${id}-intro`}>
      <p id={`${id}-intro`}>
        This tablet works on its own. To share the SOP library and send the log to the cardiac network, enrol it with the code the
        network administrator gave you.
      </p>
      <Choices legend="How to enrol" type="radio">
        <RadioItem name={`${id}-mode`} checked={mode === 'code'} onChange={() => setMode('code')} label="Enrolment code" />
        <RadioItem name={`${id}-mode`} checked={mode === 'credentials'} onChange={() => setMode('credentials')} label="Device account and password" />
      </Choices>
      <div className="field">
        <label htmlFor={`${id}-url`}>Server address{mode === 'code' ? ' (optional: the code holds it)' : ''}</label>
        <input id={`${id}-url`} type="url" inputMode="url" autoComplete="off" spellCheck={false} value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://network.example.nhs.uk" />
      </div>
      {mode === 'code' ? (
        <div className="field">
          <label htmlFor={`${id}-code`}>Enrolment code</label>
          <span className="field__hint" id={`${id}-code-hint`}>Starts with cdc1. It works once: this tablet replaces it with its own secret.</span>
          <textarea id={`${id}-code`} aria-describedby={`${id}-code-hint`} className="network__code" autoComplete="off" spellCheck={false} rows={3} value={code} onChange={(e) => setCode(e.target.value)} required />
        </div>
      ) : (
        <>
          <div className="field">
            <label htmlFor={`${id}-site`}>Site id</label>
            <input id={`${id}-site`} autoComplete="off" spellCheck={false} value={site} onChange={(e) => setSite(e.target.value)} placeholder="leeds-cdc" required />
          </div>
          <div className="field">
            <label htmlFor={`${id}-user`}>Device account</label>
            <input id={`${id}-user`} autoComplete="off" spellCheck={false} value={user} onChange={(e) => setUser(e.target.value)} required />
          </div>
          <div className="field">
            <label htmlFor={`${id}-password`}>Password</label>
            <input id={`${id}-password`} type="password" autoComplete="off" value={password} onChange={(e) => setPassword(e.target.value)} required />
          </div>
        </>
      )}
      {problem ? (
        <div ref={problemRef} tabIndex={-1}>
          <Banner tone="error">{problem}</Banner>
        </div>
      ) : null}
      <Button type="submit" disabled={busy}>{busy ? 'Enrolling…' : 'Enrol this tablet'}</Button>
    </form>
  );
}

export function NetworkPanel() {
  const status = useNetworkStatus();
  const heading = useRef<HTMLHeadingElement>(null);
  const [note, setNote] = useState<string | null>(null);
  const [confirmLeave, setConfirmLeave] = useState(false);

  useEffect(() => {
    // The shell starts sync after the first screen; a visit before then looks at the credentials itself.
    if (!status.checked) void startNetworkIfEnrolled();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <section className="panel network" id="network" aria-labelledby="network-title">
      <h2 id="network-title" ref={heading} tabIndex={-1}>Network</h2>
      {note ? <Banner tone="info">{note}</Banner> : null}
      {!status.checked ? <p>Checking…</p> : null}
      {status.checked && !status.identity ? (
        <EnrolForm
          onEnrolled={(site) => {
            setNote(`This tablet is enrolled for site ${site}. The library, contacts directory and session defaults arrive by themselves; the log is sent after each episode.`);
            void restartNetwork().then(() => heading.current?.focus());
          }}
        />
      ) : null}
      {status.identity ? (
        <>
          <StatusFacts status={status} />
          <div className="network__actions">
            <Button variant="secondary" onClick={() => void sendNow()} disabled={status.report?.phase === 'revoked'}>Send now</Button>
            {confirmLeave ? (
              <>
                <Button variant="secondary" onClick={() => setConfirmLeave(false)}>Keep this tablet on the network</Button>
                <Button
                  variant="danger"
                  onClick={() => {
                    setConfirmLeave(false);
                    setNote('This tablet has left the network. Its log stays here.');
                    void leaveNetwork().then(() => heading.current?.focus());
                  }}
                >
                  Leave the network
                </Button>
              </>
            ) : (
              <Button variant="secondary" onClick={() => setConfirmLeave(true)}>Leave the network…</Button>
            )}
          </div>
        </>
      ) : null}
    </section>
  );
}
