// Keyboard walks for WCAG 2.4.11 (focus not obscured): from the foot of an
// episode, Shift+Tab back through the page and ask after each step whether the
// focused control is hidden (under a sticky bar, say).
import type { Page } from 'playwright-core';

/** The problems `check` finds at each of `steps` Shift+Tabs back from the episode's Abandon button. */
export async function tabBackFromFoot(page: Page, check: () => Promise<string | null>, steps = 25): Promise<string[]> {
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.getByRole('button', { name: 'Abandon…' }).focus();
  const problems: string[] = [];
  for (let i = 0; i < steps; i += 1) {
    await page.keyboard.press('Shift+Tab');
    const problem = await check();
    if (problem) problems.push(problem);
  }
  return problems;
}
