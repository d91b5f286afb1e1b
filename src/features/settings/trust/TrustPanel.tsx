// Settings → Trust: the network administrator key this tablet believes
// (pinned once, at enrolment or from the administrator's public key file) and
// the signed trust list it holds: who may author, review and approve SOPs,
// with each key's validity. Importing a list shows why one is refused.
import { useCallback, useId, useState, type ChangeEvent } from 'react';
import { Banner } from '../../../ui/Banner';
import { readTextFile } from '../../../ui/files';
import { useStoredData } from '../../../ui/useStoredData';
import { installTrustList, pinAdminKey, readTrust, type TrustState } from '../../../db/library';
import { openLogDb, StorageError, type LogDb } from '../../../db/database';
import type { TrustEntry } from '../../../engine';
import { readAdminKeyFile } from './adminKeyFile';
import '../../../ui/dataTable.css';
import { SummaryList, SummaryRow } from '../../../ui/SummaryList';

const KEY_FILE_MAX_BYTES = 20_000;
const LIST_FILE_MAX_BYTES = 2_000_000;
const NONE: TrustState = { adminKeyId: null, signed: null, list: null };

type Message = { tone: 'info' | 'error'; text: string };

const day = (iso: string): string => iso.slice(0, 10);

export function entryStanding(entry: TrustEntry, now: string): string {
  if (entry.revokedAt) return `Revoked ${day(entry.revokedAt)}${entry.revokedReason ? ` (${entry.revokedReason})` : ''}`;
  if (entry.validUntil < now) return `Expired ${day(entry.validUntil)}`;
  if (entry.validFrom > now) return `Valid from ${day(entry.validFrom)}`;
  return `In force until ${day(entry.validUntil)}`;
}

async function fileText(event: ChangeEvent<HTMLInputElement>, maxBytes: number, what: string): Promise<string | null> {
  const file = event.target.files?.[0];
  event.target.value = '';
  return file ? readTextFile(file, maxBytes, what) : null;
}

export function TrustPanel({ db }: { db?: LogDb }) {
  const id = useId();
  const load = useCallback(() => readTrust(db ?? openLogDb()), [db]);
  const { value: trust, loaded, error, reload } = useStoredData(load, NONE, 'The trust settings could not be read on this device. Try reloading the app.');
  const [message, setMessage] = useState<Message | null>(null);

  const failed = (caught: unknown): Message => ({
    tone: 'error',
    text: caught instanceof StorageError ? caught.userMessage : caught instanceof Error && caught.message.startsWith('The file') ? caught.message : 'The file could not be read.',
  });

  const pinFromFile = async (event: ChangeEvent<HTMLInputElement>) => {
    try {
      const text = await fileText(event, KEY_FILE_MAX_BYTES, 'a key file');
      if (text === null) return;
      const reading = readAdminKeyFile(text);
      if (!reading.ok) return setMessage({ tone: 'error', text: reading.reason });
      const keyId = await pinAdminKey(reading.key, db ?? openLogDb());
      setMessage({ tone: 'info', text: `This tablet now believes trust lists signed by the network administrator key ${keyId}.` });
      await reload();
    } catch (caught) {
      setMessage(failed(caught));
    }
  };

  const importList = async (event: ChangeEvent<HTMLInputElement>) => {
    try {
      const text = await fileText(event, LIST_FILE_MAX_BYTES, 'a trust list');
      if (text === null) return;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        return setMessage({ tone: 'error', text: 'Nothing was installed: the file is not a trust list (it is not JSON).' });
      }
      const result = await installTrustList(value, db ?? openLogDb(), 'file');
      setMessage(result.ok
        ? { tone: 'info', text: `Trust list number ${result.list.sequence} of ${result.list.network} installed: ${result.list.entries.length} keys.` }
        : { tone: 'error', text: `Nothing was installed. ${result.reason}` });
      await reload();
    } catch (caught) {
      setMessage(failed(caught));
    }
  };

  const now = new Date().toISOString();
  const list = trust.list;
  return (
    <section className="panel" aria-labelledby={`${id}-title`} id="trust">
      <h2 id={`${id}-title`}>Trust: who may approve SOPs</h2>
      <p>
        This tablet runs an approved SOP only when its approval is signed by a key on the network&apos;s trust list,
        and believes only a trust list signed by the network administrator key it was set up with.
      </p>
      {error && <Banner tone="error">{error}</Banner>}
      {message && <Banner tone={message.tone}>{message.text}</Banner>}
      {loaded && (
        <SummaryList>
          <SummaryRow label="Network administrator key">{trust.adminKeyId ? <code>{trust.adminKeyId}</code> : 'Not set up: approved files from other tablets stay drafts here.'}</SummaryRow>
          <SummaryRow label="Trust list">{list ? `${list.network}, number ${list.sequence}, issued ${day(list.issuedAt)}` : trust.adminKeyId ? 'None installed yet.' : 'None.'}</SummaryRow>
          {list && <SummaryRow label="Two-person rule">{list.twoPersonRule ? 'On: an approver may not approve a version they wrote.' : 'Off.'}</SummaryRow>}
        </SummaryList>
      )}
      {list && list.entries.length > 0 && (
        <div className="data-table__wrap" tabIndex={0} role="region" aria-label="Keys on the trust list">
          <table className="data-table">
            <caption>Keys on the trust list</caption>
            <thead>
              <tr><th scope="col">Name</th><th scope="col">Roles</th><th scope="col">Key</th><th scope="col">Standing</th></tr>
            </thead>
            <tbody>
              {list.entries.map((entry) => (
                <tr key={entry.keyId}>
                  <th scope="row">{entry.name}</th>
                  <td>{entry.roles.join(', ')}</td>
                  <td><code>{entry.keyId}</code></td>
                  <td>{entryStanding(entry, now)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {loaded && (
        <div className="button-row">
          {!trust.adminKeyId && (
            <label className="button button--secondary file-button">
              Set up with the administrator&apos;s public key file
              <input type="file" accept="application/json,.json" className="visually-hidden" onChange={(e) => void pinFromFile(e)} />
            </label>
          )}
          <label className="button button--secondary file-button">
            Import a trust list file
            <input type="file" accept="application/json,.json" className="visually-hidden" onChange={(e) => void importList(e)} />
          </label>
        </div>
      )}
      {loaded && !trust.adminKeyId && (
        <p className="field__hint">
          Use only the public key file your network administrator gave you in person or through the trust&apos;s
          managed channel. A tablet enrolled on the network is set up with it automatically.
        </p>
      )}
    </section>
  );
}
