// Through a real browser: a leader opens 态势总览, clicks a figure and lands on the list that makes it, showing the
// same count; the risk donut opens the enterprises of a colour; a town's dashboard on a phone.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, login, openPage, browserSuite, SHOTS } from './browser.js';

const PHONE = { width: 390, height: 844 };
const shot = (page: Page, name: string, fullPage = true) => page.screenshot({ path: SHOTS + name, fullPage, animations: 'disabled' });

/** The number a figure shows (its Statistic's value). */
async function figureValue(page: Page, key: string): Promise<number> {
  const text = await page.getByTestId(`figure-${key}`).locator('.ant-statistic-content-value').innerText();
  return Number(text.replace(/[^\d.]/g, ''));
}

/** The list's "共 N 条" under the table. */
async function listTotal(page: Page): Promise<number> {
  const total = page.locator('.ant-pagination-total-text');
  await total.waitFor();
  return Number((await total.innerText()).replace(/[^\d]/g, ''));
}

browserSuite('web: dashboard (态势总览)', (server) => {
  it('a leader clicks a figure and lands on its list with the same count', async () => {
    const { page, errors } = await openPage(server.browser, { width: 1440, height: 900 });
    await login(page, server.url, 'leader', DEMO_PASSWORD);
    const menu = page.getByTestId('side-menu');
    const entry = menu.getByText('态势总览', { exact: true });
    await menu.waitFor();
    if (!(await entry.isVisible())) await menu.getByText('综合态势', { exact: true }).click();
    await entry.click();
    await page.waitForURL((u) => u.pathname === '/dashboard');
    await page.getByTestId('figure-hazards.open').waitFor();
    await page.getByTestId('risk-donut').locator('canvas').waitFor();
    await shot(page, 'dashboard-leader.png');

    const open = await figureValue(page, 'hazards.open');
    expect(open).toBeGreaterThan(0);
    await page.getByTestId('figure-hazards.open').click();
    await page.waitForURL((u) => u.pathname === '/hazards' && u.searchParams.get('view') === 'open');
    await expect.poll(() => listTotal(page), { timeout: 30_000 }).toBe(open);
    await shot(page, 'dashboard-to-hazards.png', false);

    // Back on the dashboard, a risk colour's tag opens the operating enterprises of that colour, as many as it says.
    await page.goBack();
    await page.getByTestId('figure-enterprises.operating').waitFor();
    const operating = await figureValue(page, 'enterprises.operating');
    await page.getByTestId('figure-enterprises.operating').click();
    await page.waitForURL((u) => u.pathname === '/enterprises' && u.searchParams.get('status') === 'operating');
    await expect.poll(() => listTotal(page), { timeout: 30_000 }).toBe(operating);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 180_000);

  it('a town sees its own dashboard on a phone', async () => {
    const { page, errors } = await openPage(server.browser, PHONE);
    await login(page, server.url, 'town_baitang', DEMO_PASSWORD);
    await page.goto(`${server.url}/dashboard`);
    await page.getByText('态势总览 · 白塘镇').waitFor();
    await page.getByTestId('figure-hazards.overdue').waitFor();
    await shot(page, 'dashboard-town-phone.png');
    // Nothing is wider than the phone's screen.
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width + 1);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 180_000);
});
