// Modality step: routes automatically by the episode's modality (echo, CT,
// MRI), e.g. to "get the patient out of the scanner" first for MRI.
import * as v from 'valibot';
import { MODALITIES, stepIdSchema, textSchema, titleSchema, type Modality } from '../schema/primitives';
import { problem, type Problem } from '../validate/problem';
import type { StepKind, Successor } from './stepKind';

export const modalityStepSchema = v.strictObject({
  id: stepIdSchema,
  kind: v.literal('modality'),
  title: titleSchema,
  text: v.optional(textSchema),
  routes: v.pipe(v.strictObject({
    echo: v.optional(stepIdSchema),
    ct: v.optional(stepIdSchema),
    mri: v.optional(stepIdSchema),
  }), v.description('One step per modality the SOP lists; chosen automatically from the episode')),
});
export type ModalityStep = v.InferOutput<typeof modalityStepSchema>;

function routesOf(step: ModalityStep): Successor[] {
  const routes: Successor[] = [];
  for (const m of MODALITIES) {
    const target = step.routes[m];
    if (target !== undefined) routes.push({ via: m, target, field: `routes.${m}`, modality: m as Modality });
  }
  return routes;
}

export const modalityKind: StepKind<ModalityStep> = {
  kind: 'modality',
  clinical: false,
  successors: routesOf,
  check(step, doc, at) {
    const problems: Problem[] = [];
    for (const m of doc.modalities) {
      if (step.routes[m] === undefined) {
        problems.push(problem('error', 'modality/missing-route', `${at}.routes`, `modality step "${step.title}" has no route for ${m}, which this SOP lists`, step.id));
      }
    }
    for (const r of routesOf(step)) {
      if (r.modality !== undefined && !doc.modalities.includes(r.modality)) {
        problems.push(problem('warning', 'modality/unused-route', `${at}.${r.field}`, `route for ${r.modality} can never be taken: this SOP does not list ${r.modality}`, step.id));
      }
    }
    return problems;
  },
  eventFor: () => null,
  node: (step, c) => ({
    always: routesOf(step).map((route) => ({
      guard: { type: 'isModality', params: route },
      target: route.target,
      actions: [c.move(route.via)],
    })),
  }),
};
