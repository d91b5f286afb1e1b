// The events that would move a snapshot's current step on, one per way out
// (each option, each call result, Continue, the end of a wait). A runner uses
// them to get the next screens ready before the tap that chooses one.
import type { SopContext, SopEvent } from './compile/runTypes';
import { currentStep } from './currentStep';
import type { SopDocument } from './schema/document';
import { stepKindOf } from './steps/registry';

type SnapshotLike = { value: unknown; context: SopContext };

export function waysOn(doc: SopDocument, snapshot: SnapshotLike, at: number, collapseDoc?: SopDocument): SopEvent[] {
  const here = currentStep(doc, snapshot, collapseDoc);
  if (here === null) return [];
  const kind = stepKindOf(here.step);
  return kind.successors(here.step).flatMap((way) => {
    const event = kind.eventFor(here.step, way.via, at, snapshot.context.deadline);
    return event === null ? [] : [event];
  });
}
