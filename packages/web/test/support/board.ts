// Dragging a board card with the mouse, as a person does: press on the card, nudge past the
// drag threshold, move over the target column, release.
import type { Page } from 'playwright-core';

type Box = { x: number; y: number; width: number; height: number };

/**
 * Drags the card at `from` onto the column at `to`, pressing where `grab` says on the card
 * (below its link, which itself opens the record).
 * @example await dragCard(page, '[data-deal-card="…"]', '[data-stage-column="…"]', (card) => ({ x: card.x + card.width / 2, y: card.y + card.height - 6 }))
 */
export async function dragCard(page: Page, from: string, to: string, grab: (card: Box) => { x: number; y: number }) {
  const card = (await page.locator(from).boundingBox())!;
  const target = (await page.locator(to).boundingBox())!;
  const start = grab(card);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 12, start.y + 4, { steps: 4 });
  await page.mouse.move(target.x + target.width / 2, target.y + 80, { steps: 12 });
  await page.mouse.up();
}
