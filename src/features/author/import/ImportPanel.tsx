// Import an SOP JSON file by picking it or dropping it here. The validator's
// problems are listed by step and nothing is stored until the file is valid;
// an invalid file can be opened in the editor (in memory only) to fix it.
import { useId, useState, type ChangeEvent, type DragEvent } from 'react';
import { Banner } from '../../../ui/Banner';
import { Button } from '../../../ui/Button';
import { importSopText } from '../../../db/library';
import { newDraftKey } from '../../../db/library';
import type { LogDb } from '../../../db/database';
import type { Problem } from '../../../engine';
import { ProblemList } from '../ProblemList';
import { readTextFile } from '../../../ui/files';
import { holdImport } from './pendingImports';
import { editPath, printPath } from '../authorPaths';
import { AppLink } from '../AppLink';
import { navigate } from '../../../shared/router';

interface Failed { fileName: string; text: string; problems: Problem[]; raw: unknown }
/** A file signed by its author that names an approver whose key is on this tablet: it waits for their countersignature. */
interface AwaitingCountersign { text: string; keyId: string; name: string; title: string; version: string; draftKey: string }

function parsedOrNull(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

export function ImportPanel({ db, onImported }: { db?: LogDb; onImported(): void }) {
  const id = useId();
  const [dragging, setDragging] = useState(false);
  const [failed, setFailed] = useState<Failed | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [awaiting, setAwaiting] = useState<AwaitingCountersign | null>(null);

  const importFile = async (file: File) => {
    setFailed(null);
    setDone(null);
    setError(null);
    setAwaiting(null);
    try {
      const text = await readTextFile(file);
      const result = await importSopText(text, { db });
      if (!result.ok) {
        setFailed({ fileName: file.name, text, problems: result.problems, raw: parsedOrNull(text) });
        return;
      }
      if (result.countersign) {
        setAwaiting({ text, ...result.countersign, title: result.doc.title, version: result.doc.version, draftKey: result.key });
        onImported();
        return;
      }
      const flagged = result.lookAlike ? ` Check it: its title looks like “${result.lookAlike.title}”, a different SOP.` : '';
      setDone(
        (result.status === 'approved'
          ? `Imported “${result.doc.title}” version ${result.doc.version}, approved by ${result.doc.approval?.name ?? 'unknown'} (signature verified). It is now in the library.`
          : result.reason
            ? `“${result.doc.title}” was stored as a draft, not as approved: ${result.reason}. It will not appear on Escalate until a trusted approver signs it.`
            : `Imported “${result.doc.title}” as a draft. Open it below to review and publish it.`) + flagged,
      );
      onImported();
    } catch (caught) {
      setError(caught instanceof Error && caught.message.startsWith('The file') ? caught.message : 'The file could not be imported. Nothing was stored.');
    }
  };

  const countersign = async () => {
    if (!awaiting) return;
    setError(null);
    try {
      const result = await importSopText(awaiting.text, { db, countersignWith: awaiting.keyId });
      if (result.ok && result.status === 'approved') {
        setAwaiting(null);
        setDone(`You countersigned “${result.doc.title}” version ${result.doc.version} as its approver. It is approved and the Escalate screen uses it.`);
        onImported();
      } else {
        setError(result.ok && result.reason ? `It was not approved: ${result.reason}.` : 'It could not be countersigned. Nothing was changed.');
      }
    } catch {
      setError('It could not be countersigned on this device. Nothing was changed.');
    }
  };

  const onPick = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) void importFile(file);
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void importFile(file);
  };

  const fixInEditor = () => {
    if (!failed) return;
    let sopId = 'imported';
    try {
      const parsed = JSON.parse(failed.text) as { id?: unknown };
      if (typeof parsed.id === 'string' && /^[a-z0-9-]{1,64}$/.test(parsed.id)) sopId = parsed.id;
    } catch {
      // Not JSON at all: the editor opens its JSON view with the raw text.
    }
    const key = newDraftKey(sopId);
    holdImport(key, failed.text);
    navigate(editPath(key));
  };

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Import an SOP file</h2>
      <div
        className={dragging ? 'drop-zone drop-zone--active' : 'drop-zone'}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="sop-drop-zone"
      >
        <p>Drop an SOP JSON file here, or</p>
        <label className="button button--secondary file-button">
          Choose an SOP file
          <input type="file" accept="application/json,.json" className="visually-hidden" onChange={onPick} />
        </label>
      </div>
      {done && <Banner>{done}</Banner>}
      {awaiting && (
        <div className="import-countersign" role="region" aria-labelledby={`${id}-countersign`}>
          <h3 id={`${id}-countersign`}>“{awaiting.title}” version {awaiting.version} waits for your countersignature</h3>
          <p>
            Its author signed it and names you, {awaiting.name}, as its approver. It is kept as a draft until you countersign it
            with your key on this tablet. Review it first: your signature says you approve exactly this content.
          </p>
          <div className="button-row">
            <AppLink className="button button--secondary" href={printPath(awaiting.draftKey)}>Review it (full SOP)</AppLink>
            <Button onClick={() => void countersign()}>Countersign as approver</Button>
          </div>
        </div>
      )}
      {error && <Banner tone="error">{error}</Banner>}
      {failed && (
        <div className="import-failed">
          <Banner tone="error">“{failed.fileName}” was not imported: nothing was stored. Fix the problems below.</Banner>
          <ProblemList problems={failed.problems} doc={failed.raw} />
          <Button onClick={fixInEditor}>Fix it in the editor</Button>
        </div>
      )}
    </section>
  );
}
