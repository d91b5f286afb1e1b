// NEWS2 (RCP 2017, chart 1, SpO2 scale 1): every band edge of every parameter, and the
// chart 2 risk bands (aggregate 0-4 / single 3 / 5-6 / 7+). A score is only a NEWS2 when all seven are recorded.
import { describe, expect, it } from 'vitest';
import {
  news2, scoreConsciousness, scoreHeartRate, scoreOxygen, scoreRespRate, scoreSpo2Scale1, scoreSystolicBp, scoreTemperature,
  type Observations,
} from '../../src/engine';

const table = (fn: (v: number) => number, rows: Array<[number, number]>) =>
  rows.forEach(([value, points]) => expect(fn(value), `${value}`).toBe(points));

describe('NEWS2 parameter bands (RCP 2017 chart 1)', () => {
  it('respiration rate: ≤8 3, 9-11 1, 12-20 0, 21-24 2, ≥25 3', () => {
    table(scoreRespRate, [[4, 3], [8, 3], [9, 1], [11, 1], [12, 0], [20, 0], [21, 2], [24, 2], [25, 3], [40, 3]]);
  });
  it('SpO2 scale 1: ≤91 3, 92-93 2, 94-95 1, ≥96 0', () => {
    table(scoreSpo2Scale1, [[85, 3], [91, 3], [92, 2], [93, 2], [94, 1], [95, 1], [96, 0], [100, 0]]);
  });
  it('air or oxygen: oxygen 2, air 0', () => {
    expect(scoreOxygen(true)).toBe(2);
    expect(scoreOxygen(false)).toBe(0);
  });
  it('systolic BP: ≤90 3, 91-100 2, 101-110 1, 111-219 0, ≥220 3', () => {
    table(scoreSystolicBp, [[70, 3], [90, 3], [91, 2], [100, 2], [101, 1], [110, 1], [111, 0], [219, 0], [220, 3], [250, 3]]);
  });
  it('pulse: ≤40 3, 41-50 1, 51-90 0, 91-110 1, 111-130 2, ≥131 3', () => {
    table(scoreHeartRate, [[30, 3], [40, 3], [41, 1], [50, 1], [51, 0], [90, 0], [91, 1], [110, 1], [111, 2], [130, 2], [131, 3], [180, 3]]);
  });
  it('consciousness: alert 0; new confusion, voice, pain, unresponsive 3', () => {
    expect(scoreConsciousness('A')).toBe(0);
    for (const level of ['C', 'V', 'P', 'U'] as const) expect(scoreConsciousness(level)).toBe(3);
  });
  it('temperature: ≤35.0 3, 35.1-36.0 1, 36.1-38.0 0, 38.1-39.0 1, ≥39.1 2', () => {
    table(scoreTemperature, [[34, 3], [35.0, 3], [35.1, 1], [36.0, 1], [36.1, 0], [38.0, 0], [38.1, 1], [39.0, 1], [39.1, 2], [41, 2]]);
  });
});

const normal: Observations = { respRate: 16, spo2: 98, onOxygen: false, systolicBp: 130, heartRate: 70, consciousness: 'A', temperature: 36.8, takenAt: 0 };

describe('NEWS2 aggregate and risk (RCP 2017 chart 2)', () => {
  it('all normal: 0, low', () => {
    expect(news2(normal)).toMatchObject({ score: 0, complete: true, risk: 'low', missing: [] });
  });
  it('1-4 without a single 3: low', () => {
    expect(news2({ ...normal, heartRate: 115, temperature: 38.5, spo2: 95 })).toMatchObject({ score: 4, risk: 'low' });
  });
  it('a single parameter scoring 3 with a low aggregate: low-medium, urgent review', () => {
    const result = news2({ ...normal, consciousness: 'C' });
    expect(result).toMatchObject({ score: 3, risk: 'low-medium' });
    expect(result.response).toMatch(/urgent/i);
  });
  it('5-6: medium, urgent review within 1 hour', () => {
    const result = news2({ ...normal, heartRate: 135, onOxygen: true });
    expect(result).toMatchObject({ score: 5, risk: 'medium' });
    expect(result.response).toMatch(/1 hour/);
  });
  it('7 or more: high, emergency response', () => {
    const result = news2({ ...normal, heartRate: 160, systolicBp: 88, respRate: 26 });
    expect(result).toMatchObject({ score: 9, risk: 'high' });
    expect(result.response).toMatch(/emergency/i);
  });
  it('missing parameters: no risk band, and the missing ones are named', () => {
    const result = news2({ heartRate: 160, systolicBp: 88, takenAt: 0 });
    expect(result.complete).toBe(false);
    expect(result.risk).toBeUndefined();
    expect(result.score).toBe(6);
    expect(result.missing).toEqual(['respRate', 'spo2', 'onOxygen', 'consciousness', 'temperature']);
  });
});
