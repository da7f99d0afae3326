// Through a real browser against the real server with the demo county: a town's emergency station records a
// publicity activity on a phone, with a photo taken there, and sees it counted on the statistics tab, where the
// figure opens the activity; the bureau looks at the drills and the report period's statistics on a desktop.
import { expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, login, openPage, browserSuite, SHOTS } from './browser.js';

const PHONE = { width: 390, height: 844 };
const shot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: SHOTS + name, fullPage, animations: 'disabled' });

async function photo(browser: Browser): Promise<{ name: string; mimeType: string; buffer: Buffer }> {
  const { page } = await openPage(browser, { width: 320, height: 240 });
  await page.setContent('<div style="width:320px;height:240px;background:#1677ff;color:#fff;font:28px sans-serif;display:flex;align-items:center;justify-content:center">进社区宣传</div>');
  const buffer = await page.screenshot();
  await page.context().close();
  return { name: '现场.png', mimeType: 'image/png', buffer };
}

browserSuite('web: publicity, training and drills (宣传培训演练)', (server) => {
  it('a town records an activity with a photo on a phone and sees it in the statistics', async () => {
    const { page, errors } = await openPage(server.browser, PHONE);
    await login(page, server.url, 'town_baitang', DEMO_PASSWORD);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const statsUrl = `/api/outreach/stats?from=${today}&to=${today}`;
    const before = (await (await page.request.get(server.url + statsUrl)).json()).activities.total.value as number;

    await page.goto(`${server.url}/responsibility/outreach`);
    await page.getByRole('button', { name: '登记活动' }).click();
    const dialog = page.locator('.ant-modal:visible');
    await dialog.getByLabel('活动名称').fill('安全知识进社区（浏览器测试）');
    await dialog.getByLabel('地点').fill('白塘镇沿河社区广场');
    await dialog.getByLabel('参加人数').fill('120');
    await dialog.getByLabel('宣传手册（本）').fill('200');
    await dialog.getByTestId('activity-photos-album').setInputFiles(await photo(server.browser));
    await dialog.locator('img').first().waitFor();
    await shot(page, 'outreach-new-activity-phone.png');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.locator('.ant-message').getByText('活动已登记').waitFor();
    await page.locator('.ant-table-row').filter({ hasText: '安全知识进社区（浏览器测试）' }).waitFor();
    await shot(page, 'outreach-activities-phone.png');

    await page.goto(`${server.url}/responsibility/outreach?tab=stats&from=${today}&to=${today}`);
    const figure = page.getByTestId('figure-activities');
    await figure.getByText(String(before + 1), { exact: true }).waitFor();
    await page.getByTestId('figure-brochures').getByText(/\d/).first().waitFor();
    await shot(page, 'outreach-stats-phone.png', true);
    await figure.click();
    await page.locator('.ant-table-row').filter({ hasText: '安全知识进社区（浏览器测试）' }).waitFor();
    expect(errors).toEqual([]);
  }, 180_000);

  it('the bureau reads the report period on a desktop: returns beside activities, 30+ drills with their detail', async () => {
    const { page, errors } = await openPage(server.browser);
    await login(page, server.url, 'staff', DEMO_PASSWORD);
    await page.goto(`${server.url}/responsibility/outreach?tab=stats&from=2022-01-01&to=2022-06-30`);
    await page.getByTestId('figure-XC-CL.vans').getByText('500', { exact: true }).waitFor();
    // The report's figures of sections 一 and 二: 51 letters, 2 督查 + 4 专项督查; each opens the records behind it.
    await page.getByTestId('report-responsibility.specialInspections').getByText('4', { exact: true }).waitFor();
    await shot(page, 'outreach-stats.png', true);
    await page.getByTestId('report-responsibility.pledges').getByText('51', { exact: true }).click();
    await page.getByTestId('trace-note').waitFor();
    await page.getByText('共 51 条').waitFor();
    await shot(page, 'pledges-traced.png');
    await page.goto(`${server.url}/responsibility/outreach?tab=drills&from=2022-01-01&to=2022-06-30`);
    await page.getByText(/共 3\d 条/).waitFor();
    await page.locator('.ant-table-row').filter({ hasText: '危险化学品泄漏事故应急救援实战演练' }).first().click();
    await page.locator('.ant-drawer').getByText('演练过程').waitFor();
    await shot(page, 'outreach-drill.png');
    await page.locator('.ant-drawer-close').click();

    // Record a drill against a plan from here (the plans part's route), then it is in the list waiting for its detail.
    await page.getByRole('button', { name: '登记演练' }).click();
    const dialog = page.locator('.ant-modal:visible');
    await dialog.getByLabel('依据的预案').fill('危险化学品');
    // The options come from a search as you type: a click on an option the arriving answer replaces is lost (a person
    // clicks again), so click until the plan is really chosen.
    const chosen = dialog.locator('.ant-select', { hasText: '危险化学品事故应急预案' });
    for (let i = 0; i < 3 && !(await chosen.isVisible()); i++) {
      await page.locator('.ant-select-item-option:visible').filter({ hasText: '危险化学品事故应急预案' }).first().click();
      await chosen.waitFor({ timeout: 3000 }).catch(() => undefined);
    }
    await chosen.waitFor();
    await dialog.getByLabel('演练名称').fill('危化品储罐泄漏综合演练（浏览器测试）');
    // The date defaults to today: drills are recorded once held.
    await dialog.getByText('综合演练').click();
    await dialog.getByLabel('参演人数').fill('25');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.locator('.ant-message').getByText(/演练已登记/).waitFor();
    await page.goto(`${server.url}/responsibility/outreach?tab=drills&q=${encodeURIComponent('浏览器测试')}`);
    const row = page.locator('.ant-table-row').filter({ hasText: '危化品储罐泄漏综合演练（浏览器测试）' }).first();
    await row.locator('.ant-tag', { hasText: /^综合演练$/ }).waitFor();
    await row.getByText('待补充').click();
    // Complete it: scenario and evaluation; a problem found becomes a hazard in the hazards ledger.
    const drawer = page.locator('.ant-drawer');
    await drawer.getByRole('button', { name: '修改情况与评估' }).click();
    const form = page.locator('.ant-modal:visible');
    await form.getByLabel('演练情景').fill('储罐区法兰泄漏，先桌面推演处置程序，再现场堵漏、疏散');
    await form.getByLabel('评估意见').fill('程序清楚，现场堵漏器材取用慢');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await drawer.getByText('程序清楚，现场堵漏器材取用慢').waitFor();
    await drawer.getByRole('button', { name: '登记问题' }).click();
    const problem = page.locator('.ant-modal:visible');
    await problem.getByLabel('问题').fill('堵漏器材存放位置远离储罐区');
    await problem.getByText('作为隐患上报').click();
    await problem.getByRole('button', { name: /保\s*存/ }).click();
    await drawer.getByText(/隐患 /).waitFor();
    await shot(page, 'outreach-drill-combined.png');
    expect(errors).toEqual([]);
  }, 180_000);
});
