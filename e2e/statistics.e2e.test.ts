// Through a real browser against the demo county: the leader opens 统计分析, picks the hazards report for the first
// half of 2022 by town, sees the chart and the table with 同比/环比, exports Excel, and follows a number to the hazard
// ledger that makes it; then the same report on a phone.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite, DEMO_PASSWORD, login, openPage, SHOTS } from './browser.js';

const PHONE = { width: 390, height: 844 };
const shot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: SHOTS + name, fullPage, animations: 'disabled' });

browserSuite('statistics (统计分析)', (env) => {
  it('shows the hazards of 2022 H1 by town as a chart and a table, exports them and links a number to its records', async () => {
    const { page, errors } = await openPage(env.browser);
    await login(page, env.url, 'leader', DEMO_PASSWORD);
    await page.goto(`${env.url}/reports/statistics`);
    await page.getByRole('heading', { name: '统计分析' }).waitFor();

    // The report, grouped by pillar in the picker.
    await page.getByLabel('统计报表').click();
    await page.locator('.ant-select-dropdown:visible').getByText('隐患排查', { exact: true }).waitFor();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '隐患排查治理' }).click();
    // The period: the first half of 2022 (the picker writes it into the address, as a shared link carries it).
    await page.getByLabel('统计周期类型').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '半年' }).click();
    await page.goto(`${page.url().split('?')[0]}?${new URL(page.url()).searchParams.toString().replace(/&?(from|to)=[^&]*/g, '')}&from=2022-01-01&to=2022-06-30`);
    await page.getByTestId('statistics-periods').filter({ hasText: '本期 2022年上半年（2022-01-01 至 2022-06-30）' }).waitFor();
    await expect.poll(() => page.getByTestId('statistics-periods').innerText()).toContain('同期 2021年上半年');
    await page.getByRole('radio', { name: '按区域' }).check({ force: true });

    const table = page.getByTestId('statistics-table');
    await table.getByRole('cell', { name: '白塘镇' }).waitFor();
    await page.getByTestId('statistics-chart').locator('canvas').waitFor();
    await table.getByRole('columnheader', { name: '同比' }).first().waitFor();
    const total = table.locator('tr', { hasText: '合计' }).last();
    const found = total.getByRole('link').first();
    const foundText = (await found.innerText()).replace(/,/g, '');
    expect(Number(foundText)).toBeGreaterThan(50);
    await shot(page, 'statistics-hazards-by-town.png', true);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^隐患排查治理-20220101-20220630\.xlsx$/);
    await page.getByText('已导出').waitFor();

    // The number opens the ledger with the same filters and the same count.
    await found.click();
    await page.waitForURL(/\/hazards\?.*from=2022-01-01.*to=2022-06-30/);
    await page.getByText(new RegExp(`共\\s*${foundText}\\s*条`)).first().waitFor();
    expect(errors).toEqual([]);

    const phone = await openPage(env.browser, PHONE);
    await login(phone.page, env.url, 'town_baitang', DEMO_PASSWORD);
    await phone.page.goto(`${env.url}/reports/statistics?report=hazards.overview&kind=half&from=2022-01-01&to=2022-06-30&groupBy=month`);
    await phone.page.getByTestId('statistics-chart').locator('canvas').waitFor();
    await phone.page.getByTestId('statistics-table').getByRole('cell', { name: '2022年3月' }).waitFor();
    await shot(phone.page, 'statistics-phone.png', true);
    const width = await phone.page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width + 1);
    expect(phone.errors).toEqual([]);
  }, 240_000);
});
