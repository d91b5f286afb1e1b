/**
 * A test driver that reads like the person at the scanner: start an SOP, then
 * choose, tick, continue, contact, wait and check where you are.
 *
 *   const run = startRun(doc, { modality: 'echo' });
 *   run.choose('unstable').tick('stayWithPatient').continue()
 *      .contact('noAnswer').advance('10m')
 *      .expectStep('callConsultant');
 *
 * It runs a LIVE actor (so wait timers really fire) on Vitest fake timers,
 * switched on by `startRun` if the test has not done so already, with only the
 * timer functions and Date faked (faking more hangs fake-indexeddb). Every
 * event is stamped with the fake clock. `run.records` holds every StepRecord
 * the machine emitted; `run.events` every event sent (what the log stores).
 * `run.reload()` persists the snapshot, stops the actor and restores a new one
 * from it, as a page reload does. Call `run.stop()` (or let `afterEach` call
 * `vi.useRealTimers()`) at the end.
 */
import { vi, expect } from 'vitest';
import { createActor, type Actor } from 'xstate';
import {
  compileSop, currentStep, type Modality, type SopDocument, type SopEvent, type SopMachine,
  type StepRecord, type Urgency,
} from '../../src/engine';

export interface RunOptions {
  modality: Modality;
  collapse?: SopDocument;
  /** Wall-clock start (epoch ms); defaults to 2026-03-02 09:00 UTC. */
  startedAt?: number;
}

const UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000 };

/** "10m", "30s", "1h" or a number of milliseconds. */
export function duration(span: string | number): number {
  if (typeof span === 'number') return span;
  const match = /^(\d+(?:\.\d+)?)([smh])$/.exec(span.trim());
  if (!match) throw new Error(`not a duration: ${span}`);
  return Number(match[1]) * UNITS[match[2]!]!;
}

export function useEngineFakeTimers(at: number): void {
  if (!vi.isFakeTimers()) vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  vi.setSystemTime(at);
}

export class SopRun {
  readonly records: StepRecord[] = [];
  readonly events: SopEvent[] = [];
  readonly machine: SopMachine;
  actor: Actor<SopMachine>;

  constructor(readonly doc: SopDocument, readonly options: RunOptions) {
    const startedAt = options.startedAt ?? Date.UTC(2026, 2, 2, 9, 0);
    useEngineFakeTimers(startedAt);
    this.machine = compileSop(doc, { onRecord: (r) => this.records.push(r), collapse: options.collapse });
    this.actor = createActor(this.machine, { input: { modality: options.modality, startedAt } });
    this.actor.start();
  }

  get snapshot() { return this.actor.getSnapshot(); }
  get context() { return this.snapshot.context; }
  get step() { return currentStep(this.doc, this.snapshot, this.options.collapse); }

  private send(event: SopEvent): this {
    this.events.push(event);
    this.actor.send(event);
    return this;
  }
  private now(): number { return Date.now(); }

  choose(option: string) { return this.send({ type: 'ANSWER', option, at: this.now() }); }
  tick(item: string, checked = true) { return this.send({ type: 'TICK', item, checked, at: this.now() }); }
  continue() { return this.send({ type: 'CONTINUE', at: this.now() }); }
  contact(outcome: string) { return this.send({ type: 'CONTACT', outcome, at: this.now() }); }
  endWait(option: string) { return this.send({ type: 'END_WAIT', option, at: this.now() }); }
  collapse() { return this.send({ type: 'COLLAPSE', at: this.now() }); }
  reminderDone(key: string) { return this.send({ type: 'REMINDER_DONE', item: key, at: this.now() }); }

  /** Let wall-clock time pass; due wait timers fire on the way. */
  advance(span: string | number): this {
    vi.advanceTimersByTime(duration(span));
    return this;
  }

  /** Persist, stop, and restore from the persisted snapshot, as a page reload would. */
  reload(): this {
    const persisted = this.actor.getPersistedSnapshot();
    this.actor.stop();
    return this.reloadFrom(persisted);
  }

  /** Start a new actor from a persisted snapshot (stored as JSON, as the database does). */
  reloadFrom(persisted: unknown): this {
    const snapshot = JSON.parse(JSON.stringify(persisted)) as ReturnType<Actor<SopMachine>['getPersistedSnapshot']>;
    this.actor = createActor(this.machine, { snapshot, input: { modality: this.options.modality, startedAt: 0 } });
    this.actor.start();
    return this;
  }

  expectStep(stepId: string): this {
    expect(this.step?.stepId, `current step`).toBe(stepId);
    return this;
  }

  /** The run ended in an outcome with this urgency (or this outcome step id). */
  expectOutcome(urgencyOrStepId: Urgency | string): this {
    const at = this.step;
    expect(this.snapshot.status, 'the run should have ended').toBe('done');
    expect(at?.step.kind).toBe('outcome');
    if (at?.step.kind === 'outcome') expect([at.step.urgency, at.stepId]).toContain(urgencyOrStepId);
    return this;
  }

  recordsOfType(type: StepRecord['type']): StepRecord[] {
    return this.records.filter((r) => r.type === type);
  }

  stop(): void {
    this.actor.stop();
    vi.useRealTimers();
  }
}

export function startRun(doc: SopDocument, options: RunOptions): SopRun {
  return new SopRun(doc, options);
}
