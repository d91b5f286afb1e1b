// waysOn lists one event per way out of the current step, and each of those
// events, stepped through the compiled machine, lands where the document says.
import { describe, expect, it } from 'vitest';
import { compileSop, currentStep, stepperFor, waysOn, type SopEvent } from '../../src/engine';
import { fixtureDoc } from './fixtures/loadFixture';

const triage = fixtureDoc('triageSop');
const collapse = fixtureDoc('collapseSop');
const stepper = stepperFor(compileSop(triage, { collapse }));
const landOn = (snapshot: ReturnType<typeof stepper.initial>[0], event: SopEvent) => currentStep(triage, stepper.next(snapshot, event)[0], collapse)?.stepId;

describe('waysOn', () => {
  const [start] = stepper.initial({ modality: 'echo', startedAt: 0 });

  it('offers each answer of a question, and each leads to its own next step', () => {
    const events = waysOn(triage, start, 1000, collapse);
    const assess = triage.steps.find((step) => step.id === 'assess');
    const options = assess?.kind === 'question' ? assess.options.map((option) => option.id) : [];
    expect(options).toHaveLength(3);
    expect(events).toEqual(options.map((option) => ({ type: 'ANSWER', option, at: 1000 })));
    expect(events.map((event) => landOn(start, event))).toEqual(['safety', 'callRegistrar', 'safety']);
  });

  it('offers Continue on a checklist, each call result on a contact, and ending early or running out on a wait', () => {
    const [safety] = stepper.next(start, waysOn(triage, start, 1000)[0]!);
    expect(waysOn(triage, safety, 2000)).toEqual([{ type: 'CONTINUE', at: 2000 }]);
    const [ambulance] = stepper.next(safety, { type: 'CONTINUE', at: 2000 });
    expect(waysOn(triage, ambulance, 3000).map((event) => event.type)).toEqual(['CONTACT', 'CONTACT']);
    const [handover] = stepper.next(ambulance, waysOn(triage, ambulance, 3000)[0]!);
    const [waiting] = stepper.next(handover, waysOn(triage, handover, 4000)[1]!);
    expect(currentStep(triage, waiting)?.stepId).toBe('waitCallback');
    const ways = waysOn(triage, waiting, 5000);
    // Running out is stamped with the stored deadline, not the time asked.
    expect(ways.at(-1)).toEqual({ type: 'TIMER_EXPIRED', at: waiting.context.deadline });
    expect(ways.map((event) => landOn(waiting, event))).toEqual(['emergencyOutcome', 'callConsultant']);
  });

  it('offers nothing at an outcome', () => {
    let snapshot = start;
    for (const pick of [0, 0, 0, 0]) snapshot = stepper.next(snapshot, waysOn(triage, snapshot, 1000)[pick]!)[0];
    expect(currentStep(triage, snapshot)?.step.kind).toBe('outcome');
    expect(waysOn(triage, snapshot, 2000)).toEqual([]);
  });
});
