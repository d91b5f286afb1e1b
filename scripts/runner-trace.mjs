// bench:runner --trace: where the main thread's time goes in the slowest taps.
// Records a Chromium trace of the tap phase (the page marks each tap's start
// and end), then, for each slow tap, splits its window into self time by trace
// event name on the page's main thread, and time the thread sat idle (waiting
// for IndexedDB, WebCrypto or the next frame). With RUNNER_TRACE_OUT=<file> the
// trace's events, the JS profile and the taps are also written there as JSON,
// for questions this print-out does not answer (e.g. what one phase's JS is).
import { writeFileSync } from 'node:fs';

const CATEGORIES = ['blink.user_timing', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'blink', 'loading'].join(',');

export async function startTrace(cdp) {
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  await cdp.send('Profiler.start');
  return {
    async stop() {
      const { profile } = await cdp.send('Profiler.stop');
      const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      await complete;
      return { events, profile };
    },
  };
}

/** Self time per event name inside [from, to] on one thread; nested events' time is given to the innermost. */
function selfTimes(events, from, to) {
  const spans = events
    .filter((e) => e.ph === 'X' && e.dur > 0 && e.ts < to && e.ts + e.dur > from)
    .map((e) => ({ name: e.name, start: Math.max(e.ts, from), end: Math.min(e.ts + e.dur, to) }))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const self = new Map();
  const stack = [];
  const add = (name, us) => self.set(name, (self.get(name) ?? 0) + us);
  let busy = 0;
  let cursor = from;
  for (const span of spans) {
    while (stack.length > 0 && stack.at(-1).end <= span.start) {
      const done = stack.pop();
      add(done.name, done.end - Math.max(cursor, done.start));
      cursor = done.end;
    }
    if (stack.length > 0) add(stack.at(-1).name, span.start - Math.max(cursor, stack.at(-1).start));
    else busy += span.end - span.start;
    cursor = span.start;
    stack.push(span);
  }
  while (stack.length > 0) {
    const done = stack.pop();
    add(done.name, done.end - Math.max(cursor, done.start));
    cursor = done.end;
  }
  return { self, idle: to - from - busy };
}

/** Inclusive time per function (every function on a sample's stack counts the sample once) inside the windows. */
function jsInclusive(profile, windows) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const inclusive = new Map();
  let at = profile.startTime;
  let previous = at;
  profile.samples.forEach((id, index) => {
    at += profile.timeDeltas[index] ?? 0;
    const span = at - previous;
    previous = at;
    if (!windows.some(([from, to]) => at >= from && at <= to)) return;
    const names = new Set();
    for (let node = id; node !== undefined; node = parent.get(node)) {
      const { functionName, url } = byId.get(node).callFrame;
      if (functionName && url) names.add(`${functionName} ${url.split('/').pop()}`);
    }
    for (const name of names) inclusive.set(name, (inclusive.get(name) ?? 0) + span);
  });
  return inclusive;
}

/** The JS profile's samples as [time (trace clock, µs), function] pairs. */
function samplesOf(profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  let at = profile.startTime;
  return profile.samples.map((id, index) => {
    at += profile.timeDeltas[index] ?? 0;
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    return [at, `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}`];
  });
}

function jsSelf(samples, windows) {
  const self = new Map();
  let total = 0;
  for (let index = 1; index < samples.length; index += 1) {
    const [at, name] = samples[index];
    const span = at - samples[index - 1][0];
    if (!windows.some(([from, to]) => at >= from && at <= to)) continue;
    if (name.startsWith('(idle)') || name.startsWith('(program)')) continue;
    self.set(name, (self.get(name) ?? 0) + span);
    total += span;
  }
  return { self, total };
}

/** Prints the breakdown of the `count` slowest taps and a median one; `taps` ({ elapsed ms, from }) in the order they were made. */
export function printTapBreakdown({ events, profile }, taps, count = 8) {
  if (process.env.RUNNER_TRACE_OUT) writeFileSync(process.env.RUNNER_TRACE_OUT, JSON.stringify({ events, profile, taps }));
  const marks = events.filter((e) => e.cat?.includes('blink.user_timing') && (e.name === 'tap-start' || e.name === 'tap-end' || e.name === 'tap-dom'));
  if (marks.length === 0) return console.log('  (no tap marks in the trace)');
  const { pid, tid } = marks[0];
  const thread = events.filter((e) => e.pid === pid && e.tid === tid);
  const starts = marks.filter((e) => e.name === 'tap-start').map((e) => e.ts);
  const ends = marks.filter((e) => e.name === 'tap-end').map((e) => e.ts);
  const doms = marks.filter((e) => e.name === 'tap-dom').map((e) => e.ts);
  // The last phase of every tap, from the new step in the DOM to the frame painted: summed over all taps.
  const paintPhase = new Map();
  let paintIdle = 0;
  doms.forEach((from, index) => {
    const to = ends[index];
    if (to === undefined || to < from) return;
    const { self, idle } = selfTimes(thread, from, to);
    paintIdle += idle;
    for (const [name, us] of self) paintPhase.set(name, (paintPhase.get(name) ?? 0) + us);
  });
  if (doms.length > 0) {
    const per = (us) => `${(us / 1000 / doms.length).toFixed(2)} ms`;
    console.log(`    From the new step in the DOM to the frame painted, per tap (mean over ${doms.length}): idle ${per(paintIdle)}; ${[...paintPhase].sort((a, b) => b[1] - a[1]).slice(0, 14).map(([name, us]) => `${name} ${per(us)}`).join(', ')}`);
    // The script run in that window (timers, frame callbacks, the app's work after the paint).
    const paintWindows = doms.map((from, index) => [from, ends[index]]).filter(([from, to]) => to !== undefined && to >= from);
    const inclusive = jsInclusive(profile, paintWindows);
    console.log(`      JS there, inclusive: ${[...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 20).map(([name, us]) => `${name} ${per(us)}`).join('; ')}`);
  }
  const samples = samplesOf(profile);
  // The phase before it: the log write acknowledged to the new step in the DOM (React's work), summed likewise.
  const writeEnds = events.filter((e) => e.name === 'runner:log-write' && (e.ph === 'e' || e.ph === 'E')).map((e) => e.ts).sort((a, b) => a - b);
  const renderWindows = doms.map((dom) => [writeEnds.filter((ts) => ts <= dom).at(-1), dom]).filter(([from, to]) => from !== undefined && to - from < 200_000);
  if (renderWindows.length > 0) {
    const phase = new Map();
    for (const [from, to] of renderWindows) for (const [name, us] of selfTimes(thread, from, to).self) phase.set(name, (phase.get(name) ?? 0) + us);
    const per = (us) => `${(us / 1000 / renderWindows.length).toFixed(2)} ms`;
    console.log(`    From the write acknowledged to the new step in the DOM, per tap (mean over ${renderWindows.length}): ${[...phase].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([name, us]) => `${name} ${per(us)}`).join(', ')}`);
    const js = jsSelf(samples, renderWindows);
    const inclusive = jsInclusive(profile, renderWindows);
    console.log(`      JS there, inclusive: ${[...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([name, us]) => `${name} ${per(us)}`).join('; ')}`);
    console.log(`      JS there: ${[...js.self].sort((a, b) => b[1] - a[1]).slice(0, 20).map(([name, us]) => `${name} ${per(us)}`).join('; ')}`);
  }
  const all = jsSelf(samples, starts.map((from, index) => [from, ends[index] ?? from]));
  console.log(`    JS in all taps' windows: ${(all.total / 1000).toFixed(0)} ms sampled; busiest functions (self time):`);
  for (const [name, us] of [...all.self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`      ${(us / 1000).toFixed(1).padStart(7)} ms  ${name}`);
  const order = taps.map((tap, index) => ({ ...tap, index })).sort((a, b) => b.elapsed - a.elapsed).slice(0, count);
  const median = [...taps].sort((a, b) => a.elapsed - b.elapsed)[Math.floor(taps.length / 2)];
  for (const tap of [...order, { ...median, index: taps.indexOf(median), median: true }]) {
    const from = starts[tap.index];
    const to = ends[tap.index];
    if (from === undefined || to === undefined) continue;
    const { self, idle } = selfTimes(thread, from, to);
    const top = [...self].filter(([, us]) => us >= 500).sort((a, b) => b[1] - a[1]).slice(0, 9);
    const js = jsSelf(samples, [[from, to]]);
    const topJs = [...js.self].sort((a, b) => b[1] - a[1]).slice(0, 5);
    console.log(`    ${tap.median ? 'a median tap' : 'tap'} ${tap.elapsed.toFixed(1)} ms (${tap.from}): idle ${(idle / 1000).toFixed(1)}; ${top.map(([name, us]) => `${name} ${(us / 1000).toFixed(1)}`).join(', ')}`);
    console.log(`      JS ${(js.total / 1000).toFixed(1)} ms: ${topJs.map(([name, us]) => `${name} ${(us / 1000).toFixed(1)}`).join(', ')}`);
  }
}
