// Owns the observations record (HR, BP, SpO2, RR, temperature, ACVPU, supplemental O2,
// symptom onset) and its NEWS2 score. Pure: no React, no storage.
// Source: Royal College of Physicians, National Early Warning Score (NEWS) 2, 2017 —
// chart 1 (scoring), SpO2 scale 1 only (scale 2 for hypercapnic respiratory failure
// must be chosen by a clinician and is not offered here), and chart 2 (clinical response).

import { handoverClock as clock } from './handoverClock';
export type Acvpu = 'A' | 'C' | 'V' | 'P' | 'U';

export interface Observations {
  /** Pulse / heart rate, beats per minute. */
  heartRate?: number;
  systolicBp?: number;
  diastolicBp?: number;
  /** Oxygen saturation, %. */
  spo2?: number;
  /** Respiration rate, breaths per minute. */
  respRate?: number;
  /** Temperature, °C. */
  temperature?: number;
  /** Alert, new Confusion, Voice, Pain, Unresponsive. */
  consciousness?: Acvpu;
  /** On supplemental oxygen (true) or breathing air (false). */
  onOxygen?: boolean;
  /** When the symptoms started (epoch ms), if known. */
  symptomOnsetAt?: number;
  /** When the observations were taken (epoch ms). */
  takenAt: number;
}

export type News2Parameter = 'respRate' | 'spo2' | 'onOxygen' | 'systolicBp' | 'heartRate' | 'consciousness' | 'temperature';

export const NEWS2_PARAMETERS: readonly News2Parameter[] = ['respRate', 'spo2', 'onOxygen', 'systolicBp', 'heartRate', 'consciousness', 'temperature'];

export type News2Risk = 'low' | 'low-medium' | 'medium' | 'high';

export interface News2Result {
  /** Sum of the parameters that were recorded. */
  score: number;
  /** Per-parameter points for those recorded. */
  points: Partial<Record<News2Parameter, number>>;
  /** Parameters not recorded: when any is missing the score is incomplete and not a NEWS2. */
  missing: News2Parameter[];
  complete: boolean;
  /** RCP chart 2 risk band; only when complete. */
  risk?: News2Risk;
  /** RCP chart 2 clinical response for the band; only when complete. */
  response?: string;
}

/** Respiration rate: ≤8 → 3; 9–11 → 1; 12–20 → 0; 21–24 → 2; ≥25 → 3. */
export function scoreRespRate(rate: number): number {
  if (rate <= 8) return 3;
  if (rate <= 11) return 1;
  if (rate <= 20) return 0;
  if (rate <= 24) return 2;
  return 3;
}

/** SpO2 scale 1: ≤91 → 3; 92–93 → 2; 94–95 → 1; ≥96 → 0. */
export function scoreSpo2Scale1(spo2: number): number {
  if (spo2 <= 91) return 3;
  if (spo2 <= 93) return 2;
  if (spo2 <= 95) return 1;
  return 0;
}

/** Air or oxygen: oxygen → 2; air → 0. */
export function scoreOxygen(onOxygen: boolean): number {
  return onOxygen ? 2 : 0;
}

/** Systolic BP: ≤90 → 3; 91–100 → 2; 101–110 → 1; 111–219 → 0; ≥220 → 3. */
export function scoreSystolicBp(sbp: number): number {
  if (sbp <= 90) return 3;
  if (sbp <= 100) return 2;
  if (sbp <= 110) return 1;
  if (sbp <= 219) return 0;
  return 3;
}

/** Pulse: ≤40 → 3; 41–50 → 1; 51–90 → 0; 91–110 → 1; 111–130 → 2; ≥131 → 3. */
export function scoreHeartRate(hr: number): number {
  if (hr <= 40) return 3;
  if (hr <= 50) return 1;
  if (hr <= 90) return 0;
  if (hr <= 110) return 1;
  if (hr <= 130) return 2;
  return 3;
}

/** Consciousness: Alert → 0; new Confusion, Voice, Pain, Unresponsive → 3. */
export function scoreConsciousness(level: Acvpu): number {
  return level === 'A' ? 0 : 3;
}

/** Temperature: ≤35.0 → 3; 35.1–36.0 → 1; 36.1–38.0 → 0; 38.1–39.0 → 1; ≥39.1 → 2. */
export function scoreTemperature(celsius: number): number {
  const t = Math.round(celsius * 10) / 10;
  if (t <= 35.0) return 3;
  if (t <= 36.0) return 1;
  if (t <= 38.0) return 0;
  if (t <= 39.0) return 1;
  return 2;
}

const RESPONSE: Record<News2Risk, string> = {
  low: 'NEWS2 0-4 (low): assessment by a competent registered nurse; decide on monitoring frequency.',
  'low-medium': 'NEWS2 single parameter scoring 3 (low-medium): urgent review by a clinician skilled in the care of acutely ill patients.',
  medium: 'NEWS2 5-6 (medium): key threshold for urgent response — urgent review within 1 hour by a clinician competent in assessing acutely ill patients.',
  high: 'NEWS2 7 or more (high): emergency response — emergency assessment within 30 minutes by a team with critical-care competencies.',
};

function pointsFor(obs: Observations, parameter: News2Parameter): number | undefined {
  switch (parameter) {
    case 'respRate': return obs.respRate === undefined ? undefined : scoreRespRate(obs.respRate);
    case 'spo2': return obs.spo2 === undefined ? undefined : scoreSpo2Scale1(obs.spo2);
    case 'onOxygen': return obs.onOxygen === undefined ? undefined : scoreOxygen(obs.onOxygen);
    case 'systolicBp': return obs.systolicBp === undefined ? undefined : scoreSystolicBp(obs.systolicBp);
    case 'heartRate': return obs.heartRate === undefined ? undefined : scoreHeartRate(obs.heartRate);
    case 'consciousness': return obs.consciousness === undefined ? undefined : scoreConsciousness(obs.consciousness);
    case 'temperature': return obs.temperature === undefined ? undefined : scoreTemperature(obs.temperature);
  }
}

export function news2(obs: Observations): News2Result {
  const points: Partial<Record<News2Parameter, number>> = {};
  const missing: News2Parameter[] = [];
  for (const parameter of NEWS2_PARAMETERS) {
    const p = pointsFor(obs, parameter);
    if (p === undefined) missing.push(parameter);
    else points[parameter] = p;
  }
  const score = Object.values(points).reduce((a, b) => a + b, 0);
  const complete = missing.length === 0;
  if (!complete) return { score, points, missing, complete };
  const risk: News2Risk = score >= 7 ? 'high' : score >= 5 ? 'medium' : Object.values(points).some((p) => p === 3) ? 'low-medium' : 'low';
  return { score, points, missing, complete, risk, response: RESPONSE[risk] };
}

const ACVPU_WORDS: Record<Acvpu, string> = { A: 'alert', C: 'new confusion', V: 'responds to voice', P: 'responds to pain', U: 'unresponsive' };

/** The observations as hand-over words: what was measured, then NEWS2 (or what is missing for it). */
export function describeObservations(obs: Observations): string {
  const parts: string[] = [];
  if (obs.heartRate !== undefined) parts.push(`HR ${obs.heartRate}/min`);
  if (obs.systolicBp !== undefined) parts.push(`BP ${obs.systolicBp}${obs.diastolicBp !== undefined ? `/${obs.diastolicBp}` : ''} mmHg`);
  if (obs.spo2 !== undefined) parts.push(`SpO2 ${obs.spo2}%`);
  if (obs.onOxygen !== undefined) parts.push(obs.onOxygen ? 'on supplemental oxygen' : 'on air');
  if (obs.respRate !== undefined) parts.push(`RR ${obs.respRate}/min`);
  if (obs.temperature !== undefined) parts.push(`temperature ${obs.temperature} °C`);
  if (obs.consciousness !== undefined) parts.push(ACVPU_WORDS[obs.consciousness]);
  const result = news2(obs);
  const score = result.complete
    ? `NEWS2 ${result.score} (${result.risk})`
    : parts.length > 0 ? `NEWS2 incomplete (${result.missing.length} of 7 not recorded)` : '';
  const onset = obs.symptomOnsetAt !== undefined ? `symptom onset ${clock(obs.symptomOnsetAt)}` : '';
  const all = [...parts, score, onset].filter((p) => p !== '');
  return all.length === 0 ? '' : `Observations at ${clock(obs.takenAt)}: ${all.join(', ')}.`;
}

// Plausible physiological ranges: anything outside is a typing slip or a forged record, refused.
const RANGES: Record<'heartRate' | 'systolicBp' | 'diastolicBp' | 'spo2' | 'respRate' | 'temperature', [number, number]> = {
  heartRate: [10, 300], systolicBp: [30, 300], diastolicBp: [10, 200], spo2: [40, 100], respRate: [1, 80], temperature: [25, 45],
};

export type ObservationField = keyof typeof RANGES;

export const OBSERVATION_RANGES: Readonly<typeof RANGES> = RANGES;

/** Why a measured value cannot be recorded, or null when it is plausible. */
export function observationProblem(field: ObservationField, value: number): string | null {
  const [low, high] = RANGES[field];
  return Number.isFinite(value) && value >= low && value <= high ? null : `must be between ${low} and ${high}`;
}

/** An observations record read from an untrusted place (the log, a replicated document), or null if it is not one. */
export function parseObservations(data: unknown): Observations | null {
  if (typeof data !== 'object' || data === null) return null;
  const raw = data as Record<string, unknown>;
  if (typeof raw.takenAt !== 'number' || !Number.isFinite(raw.takenAt)) return null;
  const obs: Observations = { takenAt: raw.takenAt };
  for (const field of Object.keys(RANGES) as ObservationField[]) {
    const value = raw[field];
    if (value === undefined) continue;
    if (typeof value !== 'number' || observationProblem(field, value) !== null) return null;
    obs[field] = value;
  }
  if (raw.consciousness !== undefined) {
    if (!['A', 'C', 'V', 'P', 'U'].includes(raw.consciousness as string)) return null;
    obs.consciousness = raw.consciousness as Acvpu;
  }
  if (raw.onOxygen !== undefined) {
    if (typeof raw.onOxygen !== 'boolean') return null;
    obs.onOxygen = raw.onOxygen;
  }
  if (raw.symptomOnsetAt !== undefined) {
    if (typeof raw.symptomOnsetAt !== 'number' || !Number.isFinite(raw.symptomOnsetAt)) return null;
    obs.symptomOnsetAt = raw.symptomOnsetAt;
  }
  return obs;
}
