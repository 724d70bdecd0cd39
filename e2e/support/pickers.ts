import { expect, type Page } from '@playwright/test';

/**
 * Chooses an option of a select (Mantine's Select or MultiSelect) by its label (the whole
 * label, or a pattern of it); `typed` is searched first, for the lists that search as you type
 * (métier, commune...).
 */
export async function choose(page: Page, label: string, option: string | RegExp, typed?: string) {
  const input = page.getByRole('textbox', { name: label, exact: true });
  await input.click();
  if (typed !== undefined) await input.fill(typed);
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
}

/** "Synchroniser maintenant" in the shell's menu. */
export async function syncNow(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: 'Synchroniser maintenant' });
  await expect(button).toBeEnabled();
  await button.click();
}

/**
 * Fails the test if text typed by someone ran as HTML: no dialog opens, and no element made
 * from the text exists.
 */
export function watchForInjection(page: Page) {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return {
    async expectNone(): Promise<void> {
      await expect(page.locator('img[src="x"]')).toHaveCount(0);
      expect(dialogs, 'une boîte de dialogue a été ouverte par du texte saisi').toEqual([]);
    },
  };
}

/** The rows of a table (or of every table) whose text contains `text`. */
export function rowWith(page: Page, text: string) {
  return page.getByRole('row').filter({ hasText: text });
}
