// Plays one path: the real runner in its sandbox (in-memory store, nothing
// logged) beside the path's choices, step by step, so the author can walk it
// exactly as a physiologist or radiographer would, with this tablet's numbers.
import { useEffect, useId, useState } from 'react';
import { Button } from '../../../ui/Button';
import { URGENCY_LABEL, type SopDocument, type SopPath } from '../../../engine';
import { listDirectoryInUse } from '../../../db/config';
import { collapseSop } from '../../../sops';
import type { DirectoryContact } from '../../../db/config';
import { useSandboxRunner } from '../../../shared/sandbox';
import { describeVia } from './describeVia';

interface Props {
  doc: SopDocument;
  path: SopPath;
  number: number;
  /** The urgency tier's words, e.g. "Emergency now": paths are numbered within their tier. */
  tier?: string;
  onClose(): void;
}

function useDirectoryContacts(): Record<string, DirectoryContact> | undefined {
  const [contacts, setContacts] = useState<Record<string, DirectoryContact>>();
  useEffect(() => {
    listDirectoryInUse().then(
      (rows) => setContacts(Object.fromEntries(rows.map(({ updatedAt: _omit, ...row }) => [row.roleId, row]))),
      () => setContacts({}),
    );
  }, []);
  return contacts;
}

export function PathPlayer({ doc, path, number, tier, onClose }: Props) {
  const id = useId();
  const directory = useDirectoryContacts();
  const SandboxRunner = useSandboxRunner();
  const modality = path.modality ?? doc.modalities[0] ?? 'echo';
  return (
    <div className="path-player">
      <h3 id={`${id}-title`}>
        {tier ? `${tier} path ${number}` : `Path ${number}`}: <span className={`urgency-tag urgency-tag--${path.urgency}`}>{URGENCY_LABEL[path.urgency]}</span>
      </h3>
      <Button variant="secondary" onClick={onClose}>Back to all paths</Button>
      <div className="path-player__columns">
        <ol className="path-guide" aria-labelledby={`${id}-title`}>
          {path.steps.map((s, i) => (
            <li key={`${s.stepId}-${i}`}>
              <strong>{doc.steps.find((step) => step.id === s.stepId)?.title ?? s.stepId}</strong>: {describeVia(doc, s.stepId, s.via)}
            </li>
          ))}
        </ol>
        <div className="path-player__runner">
          {!SandboxRunner && <p role="alert">The runner could not be loaded here, so this path cannot be played. Reload the app.</p>}
          {directory && SandboxRunner && <SandboxRunner doc={doc} modality={modality} path={path.steps} collapse={collapseSop} directory={directory} />}
        </div>
      </div>
    </div>
  );
}
