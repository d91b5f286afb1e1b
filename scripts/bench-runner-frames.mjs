// bench:runner:frames — what one frame costs the main thread on the runner's
// episode screen, by what changed in it, in headless Chromium at 4x CPU
// throttling on the production build. A tap ends at the frame that shows the
// next step, so this splits the tap's last phase (DOM → painted): the cost of
// any frame that paints at all, of revealing a screen made ready (and putting
// the step left out of sight) as a tap does, and of one more changed text line
// (the episode trail's count) in that frame. The changes are made by script on
// a screen the app drew, alternated round by round, each after a repaint of
// the whole page (a screen revealed again just after would reuse its paint),
// and timed from the frame's rAF callbacks to the end of its paint (a
// user-blocking task posted from there runs once the frame is done). The wait
// for the frame is not counted. Each change is timed in the light and the
// low-glare dark theme (<html data-theme>, as the header's switch sets it),
// the two alternated within each round, so the dark theme's cost to a frame is
// read from one run.
// Usage: npm run bench:runner:frames [-- --no-build] [-- --rounds 60] [-- --sop "Chest pain"]
import { build, preview } from 'vite';
import { chromium } from 'playwright-core';
import { machineSpeedLine } from './machine-speed.mjs';
import { bootstrapDifference, ms, percentile, signed } from './bench-stats.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const ROUNDS = Number(option('--rounds', 60)) || 60;
const SOP = option('--sop', 'Chest pain');
const THROTTLE = 4;
const THEMES = ['light', 'dark'];

/** What each kind of frame changes on the page; the same change made again puts it back, unmeasured, before the next. */
const CHANGES = {
  'nothing painted (an attribute no style reads)': 'attribute',
  'one span\'s colour (paint only)': 'colour',
  'one trail count\'s text (layout and paint)': 'text',
  'a tap\'s reveal: the ready screen shown, the step left put out of sight': 'tap',
  'the reveal and a trail count\'s text in the same frame': 'tapAndText',
};

if (!args.includes('--no-build')) await build({ logLevel: 'error' });
const machine = machineSpeedLine();
const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
const base = server.resolvedUrls.local[0].replace(/\/$/, '');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 768, height: 1024 }, bypassCSP: true });
  await page.goto(`${base}/escalate`);
  await page.getByRole('button', { name: 'Echo' }).click();
  await page.waitForSelector('.runner-sop:not([disabled])');
  await page.getByRole('button', { name: new RegExp(`^${SOP}`) }).click();
  await page.mouse.move(0, 0);
  // The screens one tap ahead are made ready once the tablet is idle.
  await page.waitForSelector('.runner-stage__slot--ready h1', { state: 'attached' });
  await page.waitForTimeout(500);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  const figures = await page.evaluate(async ({ changes, rounds, themes }) => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const frameWork = () => new Promise((resolve) => requestAnimationFrame(() => {
      const start = performance.now();
      scheduler.postTask(() => resolve(performance.now() - start), { priority: 'user-blocking' });
    }));
    const ready = [...document.querySelectorAll('.runner-stage__slot--ready')];
    const slot = ready.sort((a, b) => b.querySelectorAll('*').length - a.querySelectorAll('*').length)[0];
    const onShow = document.querySelector('.runner-stage__slot:not(.runner-stage__slot--ready)');
    const count = document.querySelector('.runner-trail__item:nth-child(3)');
    const sop = document.querySelector('.runner-trail__sop');
    // As StepStage does: the ready slot loses its class, inert and aria-hidden; the step left gains them.
    const reveal = (shown) => {
      slot.classList.toggle('runner-stage__slot--ready', !shown);
      slot.inert = !shown;
      slot.toggleAttribute('aria-hidden', !shown);
      onShow.classList.toggle('runner-stage__slot--left', shown);
      onShow.inert = shown;
      onShow.toggleAttribute('aria-hidden', shown);
    };
    const text = () => { count.textContent = count.textContent.startsWith('9') ? '1 step done' : `9${count.textContent}`; };
    const apply = {
      attribute: () => document.body.toggleAttribute('data-frame-probe'),
      colour: () => { sop.style.color = sop.style.color ? '' : 'red'; },
      text,
      tap: () => reveal(slot.classList.contains('runner-stage__slot--ready')),
      tapAndText: () => { reveal(slot.classList.contains('runner-stage__slot--ready')); text(); },
    };
    // A sheet changed before each measured frame restyles the whole page, so no frame reuses
    // the style work of the one before it. (The app's Content-Security-Policy refuses inline
    // sheets, which left this a no-op until 8 Dec 2026: the page is opened with CSP bypassed.)
    const reset = document.createElement('style');
    document.head.append(reset);
    const times = Object.fromEntries(themes.map((theme) => [theme, Object.fromEntries(Object.keys(changes).map((label) => [label, []]))]));
    for (let round = 0; round < rounds; round += 1) {
      // Light first in even rounds, dark first in odd ones, so neither always follows the other.
      for (const theme of round % 2 === 0 ? themes : [...themes].reverse()) {
        document.documentElement.dataset.theme = theme;
        for (const [label, kind] of Object.entries(changes)) {
          reset.textContent = reset.textContent ? '' : '/* repaint */';
          await frame();
          await frame();
          apply[kind]();
          times[theme][label].push(await frameWork());
          await frame();
          apply[kind]();
          await frame();
        }
      }
    }
    return times;
  }, { changes: CHANGES, rounds: ROUNDS, themes: THEMES });
  console.log(`\nRunner frames — production build, headless Chromium, ${THROTTLE}x CPU throttling, 768x1024, "${SOP}" at its first step`);
  console.log(machine);
  console.log(`Main-thread time from a frame's rAF callbacks to the end of its paint, by what the frame changes (${ROUNDS} of each in each theme, alternated):`);
  for (const label of Object.keys(CHANGES)) {
    console.log(`  ${label}`);
    for (const theme of THEMES) {
      const values = figures[theme][label];
      console.log(`    ${`${theme} theme`.padEnd(12)} median ${ms(percentile(values, 50))}   p90 ${ms(percentile(values, 90))}`);
    }
    const [low, high] = bootstrapDifference(figures.dark[label], figures.light[label], 50);
    console.log(`    dark − light: median ${signed(percentile(figures.dark[label], 50) - percentile(figures.light[label], 50))} (95 % interval ${signed(low)} to ${signed(high)})`);
  }
} finally {
  await browser.close();
  await server.close();
}
