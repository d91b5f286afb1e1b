// Step nodes are typed by the SOP's XState setup (compile/sopSetup.ts): a
// guard, action or delay name the setup does not define, or params of the
// wrong shape, fail the typecheck that `npm test` runs before vitest. The
// expected-error directives below are the test: tsc refuses an unused one.
import { describe, expect, it } from 'vitest';
import type { SopStateNode } from '../../src/engine/steps/stepKind';

describe('a step node config', () => {
  it('takes the setup names and params, and only those', () => {
    const good: SopStateNode = {
      entry: [{ type: 'setDeadline', params: { minutes: 5 } }],
      after: { waitRemaining: { actions: 'raiseExpiry' } },
      on: { CONTINUE: { target: 'next', actions: [{ type: 'recordMove', params: { stepId: 'a', via: null } }] } },
    };
    // @ts-expect-error: the setup has no guard of this name
    const unknownGuard: SopStateNode = { on: { ANSWER: { guard: 'answeredWit', target: 'next' } } };
    // @ts-expect-error: setDeadline takes { minutes }
    const wrongParams: SopStateNode = { entry: [{ type: 'setDeadline', params: { minute: 5 } }] };
    // @ts-expect-error: the setup has no action of this name
    const unknownAction: SopStateNode = { exit: ['clearDeadlines'] };
    // @ts-expect-error: the setup has no delay of this name
    const unknownDelay: SopStateNode = { after: { waitLeft: { actions: 'raiseExpiry' } } };
    expect([good, unknownGuard, wrongParams, unknownAction, unknownDelay]).toHaveLength(5);
  });
});
