// Shows this tablet's device id (made once at install). A governance lead
// matches it against the device column of imported logs; it never names a
// person or patient.
import { useEffect, useState } from 'react';
import { getDeviceId } from '../../db/config';
import type { LogDb } from '../../db/database';
import { SummaryList, SummaryRow } from '../../ui/SummaryList';

type DeviceIdState = { id: string } | { error: string } | null;

export function DeviceIdPanel({ db }: { db?: LogDb }) {
  const [state, setState] = useState<DeviceIdState>(null);
  useEffect(() => {
    let live = true;
    getDeviceId(db).then(
      (id) => live && setState({ id }),
      (error: unknown) => live && setState({ error: (error as { userMessage?: string }).userMessage ?? 'The device id could not be read from storage.' }),
    );
    return () => {
      live = false;
    };
  }, [db]);
  return (
    <section className="panel" aria-labelledby="device-title">
      <h2 id="device-title">This tablet</h2>
      {state === null ? <p aria-busy="true">Reading the device id…</p> : null}
      {state && 'id' in state ? (
        <SummaryList>
          <SummaryRow label="Device id"><code data-testid="device-id">{state.id}</code></SummaryRow>
        </SummaryList>
      ) : null}
      {state && 'error' in state ? <p role="alert">Device id unavailable: {state.error}</p> : null}
      <p>Every episode records this id, so a log imported from another tablet is kept as that tablet&apos;s record and can only be read here.</p>
    </section>
  );
}
