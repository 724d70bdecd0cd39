import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** WCAG 2.0 and 2.1, levels A and AA: what DEVELOPERS.md asks of every screen. */
export async function expectAccessible(page: Page): Promise<void> {
  // A dialog fading out measures as text without contrast: scan the screen once its transitions
  // end (spinners loop for ever and are left alone).
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every(
        (animation) =>
          animation.playState !== 'running' || animation.effect?.getComputedTiming().iterations === Infinity,
      ),
  );
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const violations = results.violations.map(
    (v) =>
      `${v.id} — ${v.help} : ${v.nodes.map((n) => `${n.target.join(' ')} (${n.failureSummary ?? ''})`).join(' | ')}`,
  );
  expect(violations, `violations d’accessibilité sur ${page.url()}`).toEqual([]);
}

/** Waits for the screen titled `heading` (its h1), then scans it with axe-core. */
export async function expectScreen(page: Page, heading: string | RegExp): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  await expectAccessible(page);
}
