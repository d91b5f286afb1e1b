// Settings → Signing keys on this tablet: an SOP approver (or author or
// reviewer) makes a key here. The private half is made non-extractable by the
// browser and never leaves this tablet; the public half is saved as a file for
// the network administrator to put on the trust list (`npm run trust -- add`).
import { useCallback, useId, useState, type FormEvent } from 'react';
import { Banner } from '../../../ui/Banner';
import { Button } from '../../../ui/Button';
import { saveJsonFile } from '../../../ui/files';
import { useStoredData } from '../../../ui/useStoredData';
import { createApproverKey, listApproverKeys, publicKeyFile, readTrust } from '../../../db/library';
import { openLogDb, StorageError, type ApproverKeyRow, type LogDb } from '../../../db/database';
import type { TrustList } from '../../../engine';
import { SummaryList, SummaryRow } from '../../../ui/SummaryList';

interface KeysState {
  keys: ApproverKeyRow[];
  list: TrustList | null;
}

const NONE: KeysState = { keys: [], list: null };

function listedAs(row: ApproverKeyRow, list: TrustList | null): string {
  const entry = list?.entries.find((e) => e.keyId === row.keyId);
  if (!list) return 'No trust list on this tablet yet';
  if (!entry) return 'Not on the trust list yet: send the public key file to the network administrator';
  if (entry.revokedAt) return `Revoked on the trust list (${entry.revokedAt.slice(0, 10)})`;
  return `On the trust list as ${entry.roles.join(', ')}`;
}

export function ApproverKeysPanel({ db }: { db?: LogDb }) {
  const id = useId();
  const load = useCallback(async (): Promise<KeysState> => {
    const store = db ?? openLogDb();
    const [keys, trust] = await Promise.all([listApproverKeys(store), readTrust(store)]);
    return { keys, list: trust.list };
  }, [db]);
  const { value, loaded, error, reload } = useStoredData(load, NONE, 'The signing keys could not be read on this device. Try reloading the app.');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);

  const make = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const row = await createApproverKey(name, db ?? openLogDb());
      setName('');
      setMessage({ tone: 'info', text: `Key ${row.keyId} made for ${row.name}. Save its public key file and send it to the network administrator.` });
      await reload();
    } catch (caught) {
      setMessage({ tone: 'error', text: caught instanceof StorageError ? caught.userMessage : 'The key could not be made on this device.' });
    } finally {
      setBusy(false);
    }
  };

  const save = (row: ApproverKeyRow) => {
    const safe = row.name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase() || 'approver';
    saveJsonFile(`public-key-${safe}-${row.keyId.slice(3, 11)}.json`, publicKeyFile(row));
  };

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Signing keys on this tablet</h2>
      <p>
        For SOP approvers, authors and reviewers. The key&apos;s private half cannot be copied off this tablet; the
        public half goes to the network administrator, who adds it to the trust list. Publishing an SOP in Author can
        then sign it with this key.
      </p>
      {error && <Banner tone="error">{error}</Banner>}
      {message && <Banner tone={message.tone}>{message.text}</Banner>}
      {loaded && value.keys.length > 0 && (
        <ul className="signing-keys">
          {value.keys.map((row) => (
            <li key={row.keyId} className="signing-keys__key">
              <SummaryList>
                <SummaryRow label="Name">{row.name}</SummaryRow>
                <SummaryRow label="Key"><code>{row.keyId}</code></SummaryRow>
                <SummaryRow label="Made">{new Date(row.createdAt).toLocaleDateString('en-GB', { dateStyle: 'medium' })}</SummaryRow>
                <SummaryRow label="Trust list">{listedAs(row, value.list)}</SummaryRow>
              </SummaryList>
              <Button variant="secondary" onClick={() => save(row)}>Save public key file for {row.name}</Button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={(event) => void make(event)} aria-label="Make a signing key">
        <div className="field">
          <label htmlFor={`${id}-name`}>Your name as the trust list will show it</label>
          <span className="field__hint" id={`${id}-name-hint`}>The name on a signature must match the trust list, e.g. &quot;Dr A Approver&quot;.</span>
          <input id={`${id}-name`} value={name} autoComplete="name" aria-describedby={`${id}-name-hint`} onChange={(e) => setName(e.target.value)} />
        </div>
        <Button type="submit" variant="secondary" disabled={busy}>Make a signing key</Button>
      </form>
    </section>
  );
}
