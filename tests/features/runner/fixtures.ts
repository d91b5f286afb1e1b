// Small SOPs for the runner's component tests: every shown step kind, a
// modality route, a repeating action and a wait, plus a collapse pathway.
// Role ids follow the library's; no names or numbers are in a document.
import type { SopDocument } from '../../../src/engine';

const governance = {
  format: 'cdc-sop/1' as const,
  version: '1.0.0',
  reviewDue: '2030-01-01',
  references: [{ id: 'rcuk', title: 'Resuscitation guidelines', publisher: 'Resuscitation Council UK', year: 2021, url: 'https://www.resus.org.uk/' }],
};

export const testAf: SopDocument = {
  ...governance,
  id: 'test-af',
  title: 'Atrial arrhythmia with a rapid ventricular rate',
  shortTitle: 'Fast AF',
  finding: 'AF or flutter with a ventricular rate over 110/min',
  keywords: ['tachycardia', 'flutter'],
  modalities: ['echo', 'mri'],
  status: 'template',
  roles: [
    { id: 'cardiology-registrar', title: 'On-call cardiology registrar', type: 'clinician' },
    { id: 'imaging-consultant', title: 'Imaging consultant', type: 'clinician' },
  ],
  start: 'route',
  steps: [
    { id: 'route', kind: 'modality', title: 'Which scan', routes: { echo: 'adverse', mri: 'leaveBore' } },
    { id: 'leaveBore', kind: 'actions', title: 'Bring the patient out of the scanner', cites: ['rcuk'], items: [{ id: 'out', text: 'Bring the patient out of the bore' }], next: 'adverse' },
    {
      id: 'adverse', kind: 'question', title: 'Any adverse features?', text: 'Shock, syncope, chest pain or heart failure.', cites: ['rcuk'],
      options: [
        { id: 'yes', label: 'Yes', handover: 'Adverse features present', next: 'safety' },
        { id: 'no', label: 'No', handover: 'No adverse features', next: 'calm' },
        { id: 'unsure', label: 'Not sure', notSure: true, next: 'safety' },
      ],
    },
    {
      id: 'safety', kind: 'actions', title: 'Keep the patient safe while you call', cites: ['rcuk'],
      items: [
        { id: 'stay', text: 'Stay with the patient' },
        { id: 'obs', text: 'Repeat observations', repeatMinutes: 15 },
        { id: 'mriOnly', text: 'Keep MR-unsafe kit out', modalities: ['mri'] },
      ],
      next: 'callRegistrar',
    },
    {
      id: 'callRegistrar', kind: 'contact', title: 'Call the on-call cardiology registrar', role: 'cardiology-registrar', cites: ['rcuk'],
      sbar: { situation: 'Fast AF found during a scan.', background: 'Outpatient scan.', assessment: 'Rate over 110.', recommendation: 'Please review now.' },
      outcomes: [
        { id: 'accepted', label: 'Reached: accepted', result: 'accepted', next: 'emergencyOut' },
        { id: 'noAnswer', label: 'No answer', result: 'noAnswer', next: 'waitCallBack' },
      ],
    },
    { id: 'waitCallBack', kind: 'wait', title: 'Wait for a call back', minutes: 10, onExpire: 'callConsultant', endEarly: [{ id: 'calledBack', label: 'Registrar called back', next: 'emergencyOut' }] },
    {
      id: 'callConsultant', kind: 'contact', title: 'Call the imaging consultant', role: 'imaging-consultant', cites: ['rcuk'],
      sbar: { situation: 'Fast AF, registrar not answering.', background: 'Outpatient scan.', assessment: 'Rate over 110.', recommendation: 'Please advise.' },
      outcomes: [
        { id: 'advised', label: 'Reached: advised', result: 'advised', next: 'emergencyOut' },
        { id: 'noAnswer', label: 'No answer', result: 'noAnswer', next: 'emergencyOut' },
      ],
    },
    {
      id: 'emergencyOut', kind: 'outcome', title: 'Emergency transfer arranged', urgency: 'emergency', cites: ['rcuk'],
      disposition: 'Transfer to the emergency department now. If no clinician could be reached, call 999.', reportWording: 'Fast AF with adverse features; handed over for emergency review.',
      document: ['Who was told, when and how', 'Read-back of the handover'],
    },
    {
      id: 'calm', kind: 'outcome', title: 'Urgent review', urgency: 'urgent', cites: ['rcuk'],
      disposition: 'Urgent review by the referrer.', reportWording: 'Fast AF without adverse features.', document: ['Finding and who was told'],
    },
  ],
};

export const testCollapse: SopDocument = {
  ...governance,
  id: 'collapse',
  title: 'Patient collapsed or not breathing normally',
  shortTitle: 'Collapse',
  finding: 'The patient collapses or is not breathing normally',
  modalities: ['echo', 'ct', 'mri'],
  status: 'approved',
  approval: { name: 'Resuscitation lead', role: 'Resuscitation officer', date: '2026-01-01' },
  roles: [
    { id: 'resuscitation', title: 'Local emergency / arrest call', type: 'resuscitation' },
    { id: 'cardiology-registrar', title: 'On-call cardiology registrar', type: 'clinician' },
  ],
  start: 'callArrest',
  steps: [
    {
      id: 'callArrest', kind: 'contact', title: 'Call the arrest team now', role: 'resuscitation', cites: ['rcuk'],
      sbar: { situation: 'Adult collapsed.', background: 'During a scan.', assessment: 'Not breathing normally.', recommendation: 'Send the team.' },
      outcomes: [
        { id: 'coming', label: 'Team coming', result: 'accepted', next: 'cpr' },
        { id: 'noAnswer', label: 'No answer', result: 'noAnswer', next: 'cpr' },
      ],
    },
    { id: 'cpr', kind: 'actions', title: 'Start CPR and get the defibrillator', cites: ['rcuk'], items: [{ id: 'cpr', text: 'Start chest compressions' }, { id: 'aed', text: 'Attach the defibrillator' }], next: 'tellRegistrar' },
    {
      id: 'tellRegistrar', kind: 'contact', title: 'Tell the cardiology registrar', role: 'cardiology-registrar', cites: ['rcuk'],
      sbar: { situation: 'Arrest during a scan.', background: 'Outpatient.', assessment: 'CPR in progress.', recommendation: 'Please attend.' },
      outcomes: [
        { id: 'told', label: 'Told', result: 'accepted', next: 'handedOver' },
        { id: 'noAnswer', label: 'No answer', result: 'noAnswer', next: 'handedOver' },
      ],
    },
    {
      id: 'handedOver', kind: 'outcome', title: 'Handed over to the resuscitation team', urgency: 'emergency', cites: ['rcuk'],
      disposition: 'Resuscitation team took over.', reportWording: 'Cardiac arrest during the scan.', document: ['Times of call, CPR and shocks'],
    },
  ],
};
