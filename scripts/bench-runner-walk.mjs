// bench:runner's tap walk: episodes walked down the shortest way to an
// emergency outcome (ending waits early, never waiting them out), one SOP after
// another, timing each tap on an option from the click to the next step
// painted with its log record committed.

function successors(step) {
  switch (step.kind) {
    case 'question': return step.options.map((o) => ({ via: o.id, label: o.label, target: o.next }));
    case 'contact': return step.outcomes.map((o) => ({ via: o.id, label: o.label, target: o.next }));
    case 'wait': return step.endEarly.map((o) => ({ via: o.id, label: o.label, target: o.next }));
    case 'actions': return [{ via: null, label: 'Continue', target: step.next }];
    case 'modality': return step.routes.echo ? [{ via: 'echo', label: null, target: step.routes.echo }] : [];
    default: return [];
  }
}

/** The steps walked in one episode of `doc` (for echo), with the label tapped on each. */
export function urgentPath(doc) {
  const byId = new Map(doc.steps.map((s) => [s.id, s]));
  const queue = [[doc.start]];
  const seen = new Set([doc.start]);
  while (queue.length > 0) {
    const path = queue.shift();
    const step = byId.get(path.at(-1));
    if (step.kind === 'outcome' && step.urgency === 'emergency') {
      return path.map((id, i) => {
        const s = byId.get(id);
        const next = path[i + 1];
        return { title: s.title, kind: s.kind, label: next ? successors(s).find((x) => x.target === next)?.label : null };
      });
    }
    for (const next of successors(step)) {
      if (!seen.has(next.target)) {
        seen.add(next.target);
        queue.push([...path, next.target]);
      }
    }
  }
  throw new Error(`${doc.id}: no emergency path`);
}

/**
 * One tap on the step on show, timed in the page: click → new heading painted
 * (and, apart, the app's work just after). With `touch`, a touchscreen tap sent
 * over CDP, timed from the finger's lift (touchend): a finger's press draws
 * frames of its own and takes the browser's touch-to-click path, which a
 * pointer-less click() skips.
 */
async function timedTap(page, step, nextTitle, touch) {
  const timed = page.evaluate(async ({ label, kind, nextTitle, touch }) => {
    // The step on show: screens made ready for the next tap, and the step just left, sit out of sight in [inert] slots.
    const onShow = (selector) => [...document.querySelectorAll(selector)].filter((element) => !element.closest('[inert]'));
    const heading = () => onShow('main h1')[0]?.textContent ?? '';
    const buttons = onShow('main button');
    const button = kind === 'actions'
      ? buttons.find((b) => b.textContent === 'Continue')
      // An option's accessible name is its visible label first (the urgency is its description).
      : buttons.find((b) => (b.querySelector('.runner-choice__label')?.textContent ?? b.getAttribute('aria-label')) === label);
    if (!button) throw new Error(`No button "${label}" on "${heading()}"`);
    const before = heading();
    let shownAt = 0;
    let paintedAt = 0;
    const changed = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (heading() !== before) {
          shownAt = performance.now();
          performance.mark('tap-dom');
          observer.disconnect();
          // The frame with the new step is painted when the task that ran its
          // rAF callbacks ends. A user-blocking task posted from there runs
          // first after it; a plain task (setTimeout) runs only after the
          // app's own work queued for after the paint (moving focus to the
          // heading), which is timed separately below, not as part of the tap.
          const painted = () => {
            if (paintedAt) return;
            paintedAt = performance.now();
            performance.mark('tap-end');
          };
          requestAnimationFrame(() => {
            globalThis.scheduler?.postTask?.(painted, { priority: 'user-blocking' });
            setTimeout(() => {
              painted();
              resolve();
            }, 0);
          });
        }
      });
      observer.observe(document.querySelector('main'), { childList: true, subtree: true, characterData: true, attributes: true });
    });
    // Whether a ticking clock on the episode screen (the trail's elapsed time, a
    // countdown, the CPR clock) changed its text between the click and the paint.
    let clockTicked = false;
    const clocks = new MutationObserver((records) => {
      if (paintedAt === 0 && records.some((record) => !record.target.parentElement?.closest('.runner-stage__slot--ready, [inert]'))) clockTicked = true;
    });
    for (const clock of document.querySelectorAll('main .runner-trail, main .runner-countdown, main .runner-cpr-strip, main .runner-timers')) {
      clocks.observe(clock, { childList: true, subtree: true, characterData: true });
    }
    const readyHeadings = [...document.querySelectorAll('main .runner-stage__slot--ready h1')];
    const ready = readyHeadings.length;
    // Whether the screen this tap reveals was made ready in the reading time (else it is drawn at the tap).
    const nextReady = readyHeadings.some((h) => h.textContent === nextTitle);
    performance.mark('tap-start');
    let t0 = performance.now();
    let clickedAt = null;
    let deliveredAt = null;
    if (touch) {
      // A finger: the tap is timed from its lift (touchend), as a worker feels it; the
      // touch is sent from outside the page (CDP), which reads where to put it from here.
      const lifted = new Promise((resolve) => document.addEventListener('touchend', (event) => resolve(event.timeStamp), { capture: true, once: true, passive: true }));
      document.addEventListener('click', () => { clickedAt = performance.now(); }, { capture: true, once: true });
      // When the touch reaches the page: its first pointer event (bench-runner-bare-touch.mjs says why this is apart).
      document.addEventListener('pointerdown', () => { deliveredAt = performance.now(); }, { capture: true, once: true, passive: true });
      const box = button.getBoundingClientRect();
      window.__tapAt = { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      t0 = await lifted;
    } else button.click();
    await changed;
    const t1 = paintedAt;
    const settled = performance.now();
    const afterPaint = settled - paintedAt;
    // Where the tap's time went: until the log write started (the tap's own
    // work), the write, the write's end to the new step in the DOM (React), and
    // from there to the frame painted (style, layout, paint).
    const write = performance.getEntriesByName('runner:log-write').find((entry) => entry.startTime >= t0 && entry.startTime <= t1);
    const phases = write
      ? { ...(deliveredAt === null ? {} : { toPage: deliveredAt - t0 }), ...(clickedAt === null ? {} : { toClick: clickedAt - t0 }), toWrite: write.startTime - t0, write: write.duration, toDom: shownAt - (write.startTime + write.duration), toPaint: t1 - shownAt, afterPaint }
      : null;
    // Whether the screen was revealed in the page before React drew it (useEpisodeView.ts).
    const revealedInPage = performance.getEntriesByName('runner:revealed-in-page').some((entry) => entry.startTime >= t0 && entry.startTime <= t1);
    clocks.disconnect();
    return { elapsed: t1 - t0, throughAfterPaint: settled - t0, ready, nextReady, revealedInPage, clockTicked, phases };
  }, { ...step, nextTitle, touch });
  if (touch) {
    const at = await (await page.waitForFunction(() => window.__tapAt ?? null)).jsonValue();
    await page.evaluate(() => { window.__tapAt = null; });
    await page.touchscreen.tap(at.x, at.y);
  }
  return timed;
}

/**
 * Walks whole episodes on the page (at the Escalate list) until at least
 * `count` taps are timed, starting with SOP number `firstEpisode`. `check(page)` runs once an
 * episode is on screen (e.g. that the trail is there or not). `mainThread`,
 * if given, reads the page's running totals of main-thread time (ms by kind,
 * `read()`) and holds the page's idle work during a tap (`hold()`, `release()`):
 * each tap's share is kept in `busy`, from the click to the end of the app's
 * work after the paint.
 */
export async function walkTaps(page, docs, { count, think, firstEpisode = 0, check = async () => undefined, mainThread = null, touch = false }) {
  const taps = [];
  const throughAfterPaintTaps = [];
  const byKind = {};
  const byArrival = {};
  const byReadiness = {};
  const byReveal = {};
  const byClock = {};
  const phasesByArrival = {};
  const slowest = [];
  const phaseTimes = {};
  const busy = {};
  let episodes = 0;
  while (taps.length < count) {
    const doc = docs[(firstEpisode + episodes) % docs.length];
    episodes += 1;
    const path = urgentPath(doc).filter((s) => s.kind !== 'modality');
    await page.getByRole('button', { name: new RegExp(`^${(doc.shortTitle ?? doc.title).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).click();
    await page.waitForFunction((title) => [...document.querySelectorAll('main h1')].some((h) => !h.closest('[inert]') && h.textContent === title), path[0].title);
    await check(page);
    // Playwright's click left the mouse pointer over the page. A tablet has no
    // hovering pointer (and the taps below are pointer-less clicks), so park it
    // in the corner rather than have every new step re-run hover events under it.
    await page.mouse.move(0, 0);
    for (const step of path) {
      if (step.kind === 'outcome') break;
      if (think > 0) await page.waitForTimeout(think);
      if (mainThread) await mainThread.hold();
      const before = mainThread ? await mainThread.read() : null;
      const next = path[path.indexOf(step) + 1];
      const { elapsed, throughAfterPaint, ready, nextReady, revealedInPage, clockTicked, phases } = await timedTap(page, step, next?.title, touch);
      if (before) {
        for (const [name, value] of Object.entries(await mainThread.read())) (busy[name] ??= []).push(value - before[name]);
        await mainThread.release();
      }
      taps.push(elapsed);
      throughAfterPaintTaps.push(throughAfterPaint);
      if (phases) for (const [name, value] of Object.entries(phases)) (phaseTimes[name] ??= []).push(value);
      const arriving = next?.kind === 'outcome' ? 'arriving at the outcome' : 'arriving at another step';
      (byReveal[revealedInPage ? 'revealed in the page, React drawing it after the paint' : 'drawn by React before the paint'] ??= []).push(elapsed);
      (byClock[clockTicked ? 'a clock on screen ticked between the click and the paint' : 'no clock ticked during the tap'] ??= []).push(elapsed);
      (byReadiness[nextReady ? 'the screen revealed was made ready' : 'the screen revealed was drawn at the tap (not ready)'] ??= []).push(elapsed);
      if (phases) for (const [name, value] of Object.entries(phases)) ((phasesByArrival[arriving] ??= {})[name] ??= []).push(value);
      slowest.push({ elapsed, from: `${doc.id}: ${step.title} (${ready} screens ready${nextReady ? '' : ', not the one revealed'})`, index: path.indexOf(step), phases });
      byKind[step.kind] = [...(byKind[step.kind] ?? []), elapsed];
      // The tap that reveals the outcome shows the largest screen of the episode.
      byArrival[arriving] = [...(byArrival[arriving] ?? []), elapsed];
    }
    await page.getByRole('button', { name: 'Finish and save' }).click();
    await page.waitForSelector('.runner-sop');
  }
  return { taps, throughAfterPaint: throughAfterPaintTaps, byKind, byArrival, byReadiness, byReveal, byClock, phasesByArrival, slowest, episodes, phases: phaseTimes, busy };
}
