// Shows whether the browser has agreed to keep this app's data (persistent
// storage) and how much space the log and SOPs use, so a service can check it.
import { useEffect, useState } from 'react';
import { Button } from '../../ui/Button';
import { formatBytes, readStorageStatus, requestPersistentStorage, type StorageStatus } from '../../shared/platform';
import { SummaryList, SummaryRow } from '../../ui/SummaryList';

export function StorageStatusPanel({ nav }: { nav?: Navigator }) {
  const [status, setStatus] = useState<StorageStatus | null>(null);

  const refresh = () => readStorageStatus(nav).then(setStatus);
  useEffect(() => {
    void refresh();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (!status) return <section className="panel" aria-busy="true"><h2>Storage on this device</h2><p>Checking…</p></section>;

  return (
    <section className="panel" aria-labelledby="storage-title">
      <h2 id="storage-title">Storage on this device</h2>
      {!status.supported ? (
        <p>This browser does not report storage details. The log is still saved on this device.</p>
      ) : (
        <SummaryList>
          <SummaryRow label="Persistent storage">
            {status.persisted
              ? 'Yes: the browser will not clear the log to free space.'
              : 'No: the browser may clear stored data when space runs low. Install the app or allow storage to protect the log.'}
          </SummaryRow>
          <SummaryRow label="Space used">
            {formatBytes(status.usageBytes)} of {formatBytes(status.quotaBytes)} available to this app
          </SummaryRow>
        </SummaryList>
      )}
      {status.supported && !status.persisted ? (
        <Button variant="secondary" onClick={() => void requestPersistentStorage(nav).then(refresh)}>
          Ask to keep data
        </Button>
      ) : null}
    </section>
  );
}
