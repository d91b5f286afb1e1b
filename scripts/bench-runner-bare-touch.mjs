// bench:runner --touch's reference: the same finger tap on a bare page (one
// button, nothing else) in the same browser at the same throttling, so the
// browser's own share of a finger's tap can be told from the page's. Two
// figures, both from the lift's time stamp: when the touch reaches the page
// (its first pointer event) and when the click event comes. The first includes
// what the DevTools protocol does before it forwards an injected touch (it
// focuses the page's widget, and the renderer draws a frame first), which a
// real finger does not go through: on the app's page that frame costs more.

const BARE_PAGE = '<!doctype html><meta name="viewport" content="width=device-width"><button style="font: 20px sans-serif; margin: 40px; padding: 20px 40px">Tap</button>';

/** Finger taps on a bare page in `context` at `rate` x CPU throttling: { toPage, toClick } in ms, one value a tap. */
export async function bareTouchReference(context, rate, taps) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  try {
    await page.setContent(BARE_PAGE);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    const box = await page.locator('button').boundingBox();
    const toPage = [];
    const toClick = [];
    for (let i = 0; i < taps; i += 1) {
      await page.waitForTimeout(300);
      const timed = page.evaluate(() => new Promise((resolve) => {
        let lift = 0;
        let delivered = 0;
        document.addEventListener('pointerdown', () => { delivered = performance.now(); }, { capture: true, once: true, passive: true });
        document.addEventListener('touchend', (event) => { lift = event.timeStamp; }, { capture: true, once: true, passive: true });
        document.addEventListener('click', () => resolve({ toPage: delivered - lift, toClick: performance.now() - lift }), { capture: true, once: true });
      }));
      await page.waitForTimeout(20);
      await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
      const tap = await timed;
      toPage.push(tap.toPage);
      toClick.push(tap.toClick);
    }
    return { toPage, toClick };
  } finally {
    await cdp.detach();
    await page.close();
  }
}
