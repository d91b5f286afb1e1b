// The Settings section: the session, alarms, the cardiac arrest pathway, the storage status,
// the network, trust (the administrator key, the trust list, this tablet's signing keys) and what this app is.
// The local contacts directory joins it (see the author feature).
import { AlarmSettings } from './AlarmSettings';
import { CprSettings } from './CprSettings';
import { SessionForm } from './SessionForm';
import { StorageStatusPanel } from './StorageStatusPanel';
import { DirectoryPanel } from './directory/DirectoryPanel';
import { NetworkPanel } from './network/NetworkPanel';
import { DeviceIdPanel } from './DeviceIdPanel';
import { TrustPanel } from './trust/TrustPanel';
import { ApproverKeysPanel } from './trust/ApproverKeysPanel';
import './settings.css';

export function SettingsSection() {
  return (
    <>
      <h1>Settings</h1>
      <SessionForm />
      <AlarmSettings />
      <CprSettings />
      <StorageStatusPanel />
      <DeviceIdPanel />
      <DirectoryPanel />
      <NetworkPanel />
      <TrustPanel />
      <ApproverKeysPanel />
      <section className="panel" aria-labelledby="about-title">
        <h2 id="about-title">About this app</h2>
        <p>
          This app shows your service&apos;s locally approved escalation steps for emergencies found during a
          cardiac scan, and keeps a log for clinical governance. It does not diagnose, score or prescribe.
          Built-in SOPs are templates until a local author signs them off.
        </p>
        <p>Version {import.meta.env.VITE_APP_VERSION ?? 'development'}. No patient-identifiable data is needed or stored.</p>
      </section>
    </>
  );
}
