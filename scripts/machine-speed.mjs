// A fixed JavaScript workload timed before a benchmark starts, so figures from
// different machines can be compared: the build machines differ between runs
// (the same code has measured 2-3x apart), and a target met on one may be
// missed on another. Lower is faster; it measures this machine, not the app.
import { cpus, loadavg } from 'node:os';

function workload() {
  const rows = Array.from({ length: 20_000 }, (_, i) => ({ id: `e-${i}`, seq: i, at: 1_700_000_000_000 + i * 997, data: { option: i % 7 === 0 ? 'unstable' : 'stable', note: 'x'.repeat(i % 40) } }));
  const text = JSON.stringify(rows);
  const back = JSON.parse(text);
  let lines = '';
  for (const row of back) lines += `${row.id},${row.seq},${new Date(row.at).toISOString()},${row.data.option}\n`;
  return lines.length + back.sort((a, b) => (a.data.note.length - b.data.note.length) || (b.seq - a.seq)).length;
}

/** Median of seven runs after two warm-ups, in ms. */
export function machineSpeed() {
  for (let i = 0; i < 2; i += 1) workload();
  const times = [];
  for (let i = 0; i < 7; i += 1) {
    const start = performance.now();
    workload();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[3];
}

/** The line each benchmark prints. */
export function machineSpeedLine() {
  const cores = cpus();
  return `Machine: ${cores.length} cores (${cores[0]?.model ?? 'unknown'}); speed reference ${machineSpeed().toFixed(0)} ms (a fixed JSON and text workload in Node; lower is faster); load average ${loadavg()[0].toFixed(1)}`;
}
