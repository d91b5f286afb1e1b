// The local pathway for cardiac arrest in Settings: whether staff here give
// adrenaline. Off by default (the template SOPs give no drugs); switched on,
// the runner's CPR clock times adrenaline every 3-5 minutes (RCUK ALS).
import { Choices, CheckboxItem } from '../../ui/Choices';
import { useEffect, useId, useRef, useState } from 'react';
import {
  CPR_ADRENALINE_LABEL, readCprAdrenaline, saveCprAdrenaline, settingsStore, type SettingsStore,
} from '../../shared/session';

export function CprSettings({ store = settingsStore }: { store?: SettingsStore }) {
  const id = useId();
  const [given, setGiven] = useState(false);
  const [status, setStatus] = useState('');
  const edited = useRef(false);

  useEffect(() => {
    let live = true;
    void readCprAdrenaline(store).then((value) => live && !edited.current && setGiven(value));
    return () => {
      live = false;
    };
  }, [store]);

  const change = async (next: boolean) => {
    edited.current = true;
    setGiven(next);
    try {
      await saveCprAdrenaline(store, next);
      setStatus(next ? 'Saved: the CPR clock times adrenaline.' : 'Saved: the CPR clock does not mention adrenaline.');
    } catch {
      setGiven(!next);
      setStatus('The setting could not be saved on this device.');
    }
  };

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Cardiac arrest</h2>
      <p>
        The CPR clock in a collapse episode times 2-minute cycles and prompts each rhythm check and compressor swap.
        Adrenaline is only prompted where the local pathway says staff here give it.
      </p>
      <Choices type="checkbox" legend="Adrenaline in cardiac arrest" hint={<span id={`${id}-hint`}>Off unless your local cardiac network has agreed it and staff are trained (RCUK ALS: 1 mg every 3 to 5 minutes).</span>}>
        <CheckboxItem label={CPR_ADRENALINE_LABEL} checked={given} aria-describedby={`${id}-hint`} onChange={(event) => void change(event.target.checked)} />
      </Choices>
      <p role="status" className="settings__status">{status}</p>
    </section>
  );
}
