// The network's log for a governance lead: sign in with a governance account,
// pull every site's log into a read-only replica on this device (each chain
// verified through the log import before it is shown), then filter by site and
// device, open an episode, and see the dashboard per site. Nothing here is ever
// written back, resumed or appended to. The password lives only in memory.
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type { EpisodeRow, LogDb } from '../../db/database';
import type { GovernancePull } from '../../db/sync';
import { listSops, type SopSummary } from '../../db/library';
import { episodesMatching } from '../../db/read';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Dashboard } from './Dashboard';
import { EpisodeTimeline } from './EpisodeTimeline';
import type { SaveFile } from './download';
import { formatDateTime } from './formatTime';
import { STATUS_LABEL, URGENCY_LABEL } from './labels';
import { WarningCallout } from '../../ui/WarningCallout';
import '../../ui/dataTable.css';

interface SiteData {
  siteId: string;
  name: string;
  db: LogDb;
  rows: EpisodeRow[];
  devices: Record<string, { deviceId: string; account: string }>;
  sops: SopSummary[];
  refused: GovernancePull['sites'][number]['refused'];
}

const ALL = '';

export function GovernanceView({ saveFile }: { saveFile: SaveFile }) {
  const id = useId();
  const [url, setUrl] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const secret = useRef<{ url: string; name: string; password: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [sites, setSites] = useState<SiteData[] | null>(null);
  const [siteFilter, setSiteFilter] = useState(ALL);
  const [deviceFilter, setDeviceFilter] = useState(ALL);
  const [open, setOpen] = useState<{ siteId: string; episodeId: string } | null>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => () => {
    secret.current = null;
  }, []);

  const pull = async () => {
    const who = secret.current;
    if (!who) return;
    setProblem(null);
    setBusy('Signing in…');
    try {
      const sync = await import('../../db/sync');
      await sync.checkPersonSignIn(who.url, who.name, who.password, 'governance');
      const pouch = await sync.browserPouchFactory({ url: who.url.replace(/\/+$/, ''), user: who.name, password: who.password });
      const result = await sync.pullGovernance({ pouch, onProgress: setBusy });
      const loaded: SiteData[] = [];
      for (const site of result.sites) {
        const db = sync.governanceDb(site.siteId);
        const [rows, devices, sops] = await Promise.all([episodesMatching({}, db), sync.governanceDevices(db), listSops(db)]);
        loaded.push({ ...site, db, rows, devices, sops });
      }
      setSites(loaded);
      setTimeout(() => resultHeading.current?.focus(), 0);
    } catch (error) {
      const words = error && typeof error === 'object' && 'userMessage' in error ? String((error as { userMessage: unknown }).userMessage) : null;
      setProblem(words ?? 'The network log could not be pulled. Check the server address and that this device is online, then try again. What was pulled before is kept.');
    } finally {
      setBusy(null);
    }
  };

  const signIn = (event: FormEvent) => {
    event.preventDefault();
    secret.current = { url: url.trim(), name: name.trim(), password };
    setPassword('');
    void pull();
  };

  const visibleSites = useMemo(() => (sites ?? []).filter((site) => siteFilter === ALL || site.siteId === siteFilter), [sites, siteFilter]);
  const devices = useMemo(() => {
    const all = new Map<string, string>();
    for (const site of visibleSites) for (const device of Object.values(site.devices)) all.set(device.deviceId, device.account);
    return [...all.keys()].sort();
  }, [visibleSites]);
  const rows = useMemo(
    () => visibleSites
      .flatMap((site) => site.rows.map((row) => ({ row, site, device: site.devices[row.id]?.deviceId ?? 'unknown device' })))
      .filter((item) => deviceFilter === ALL || item.device === deviceFilter)
      .sort((a, b) => b.row.startedAt - a.row.startedAt),
    [visibleSites, deviceFilter],
  );

  if (open && sites) {
    const site = sites.find((item) => item.siteId === open.siteId)!;
    return <EpisodeTimeline key={open.episodeId} db={site.db} episodeId={open.episodeId} saveFile={saveFile} onBack={() => setOpen(null)} />;
  }

  return (
    <section className="log-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Network log (governance)</h2>
      <p>
        Every site&apos;s episodes, pulled from the network server into a read-only copy on this device. Each episode&apos;s hash chain is verified before it is
        shown; episodes from other tablets are never resumed or added to.
      </p>
      {!sites || !secret.current ? (
        <form onSubmit={signIn} className="log-governance-form">
          <div className="field">
            <label htmlFor={`${id}-url`}>Server address</label>
            <input id={`${id}-url`} type="url" autoComplete="off" spellCheck={false} value={url} onChange={(e) => setUrl(e.target.value)} required placeholder="https://network.example.nhs.uk" />
          </div>
          <div className="field">
            <label htmlFor={`${id}-name`}>Governance account</label>
            <input id={`${id}-name`} autoComplete="username" value={name} onChange={(e) => setName(e.target.value)} required />
          </div>
          <div className="field">
            <label htmlFor={`${id}-password`}>Password</label>
            <input id={`${id}-password`} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
          </div>
          <Button type="submit" disabled={busy !== null}>Sign in and pull the network log</Button>
        </form>
      ) : (
        <Button variant="secondary" disabled={busy !== null} onClick={() => void pull()}>Pull again</Button>
      )}
      {busy ? <p role="status" aria-live="polite">{busy}</p> : null}
      {problem ? <Banner tone="error">{problem}</Banner> : null}
      {sites ? (
        <>
          <h3 ref={resultHeading} tabIndex={-1}>
            {sites.reduce((sum, site) => sum + site.rows.length, 0)} episodes from {sites.length} site{sites.length === 1 ? '' : 's'}
          </h3>
          {sites.map((site) => site.refused.length > 0 ? (
            <WarningCallout key={site.siteId}>
              {site.name}: {site.refused.length} record{site.refused.length === 1 ? '' : 's'} not shown ({site.refused[0]!.reason}{site.refused.length > 1 ? ' and others' : ''}).
            </WarningCallout>
          ) : null)}
          <div className="log-filters">
            <div className="field">
              <label htmlFor={`${id}-site`}>Site</label>
              <select id={`${id}-site`} value={siteFilter} onChange={(e) => { setSiteFilter(e.target.value); setDeviceFilter(ALL); }}>
                <option value={ALL}>All sites</option>
                {sites.map((site) => <option key={site.siteId} value={site.siteId}>{site.name}</option>)}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-device`}>Device</label>
              <select id={`${id}-device`} value={deviceFilter} onChange={(e) => setDeviceFilter(e.target.value)}>
                <option value={ALL}>All devices</option>
                {devices.map((device) => <option key={device} value={device}>{device}</option>)}
              </select>
            </div>
          </div>
          <p className="log-status" role="status">{rows.length === 0 ? 'No episodes match.' : `${rows.length} episode${rows.length === 1 ? '' : 's'}, newest first.`}</p>
          {rows.length > 0 ? (
            <div className="data-table__wrap">
              <table className="data-table" aria-label="Network episodes">
                <thead>
                  <tr>
                    <th scope="col">Started</th>
                    <th scope="col">SOP</th>
                    <th scope="col">Site</th>
                    <th scope="col">Device</th>
                    <th scope="col">Urgency</th>
                    <th scope="col">Status</th>
                    <th scope="col"><span className="visually-hidden">Open</span></th>
                  </tr>
                </thead>
                <tbody>
                  {rows.slice(0, 200).map(({ row, site, device }) => (
                    <tr key={`${site.siteId}:${row.id}`}>
                      <th scope="row">{formatDateTime(row.startedAt)}</th>
                      <td>{site.sops.find((sop) => sop.hash === row.sopHash)?.title ?? row.sopId} <span className="log-muted">v{row.sopVersion}</span></td>
                      <td>{site.name}</td>
                      <td>{device}</td>
                      <td>{URGENCY_LABEL[row.urgency]}</td>
                      <td>{STATUS_LABEL[row.status]}</td>
                      <td><Button variant="secondary" onClick={() => setOpen({ siteId: site.siteId, episodeId: row.id })} aria-label={`Open episode started ${formatDateTime(row.startedAt)} at ${site.name}`}>Open</Button></td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {rows.length > 200 ? <p>The newest 200 are listed; choose a site or device to narrow the list.</p> : null}
            </div>
          ) : null}
          {visibleSites.length === 1 ? (
            <section aria-label={`Dashboard for ${visibleSites[0]!.name}`} className="log-governance-site">
              <h3>Dashboard: {visibleSites[0]!.name}</h3>
              <Dashboard key={visibleSites[0]!.siteId} db={visibleSites[0]!.db} sops={visibleSites[0]!.sops} />
            </section>
          ) : (
            <p>Choose a site above to see its dashboard.</p>
          )}
        </>
      ) : null}
    </section>
  );
}
