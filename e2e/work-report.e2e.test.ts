// Through a real browser against the demo county: the leader opens 工作报告 from the menu, generates the 2022 H1
// report, follows a figure to the list that makes it (same count), comes back and downloads the Word file; the
// report on a phone fits the screen.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite, DEMO_PASSWORD, login, openPage, SHOTS } from './browser.js';

const PHONE = { width: 390, height: 844 };
const shot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: SHOTS + name, fullPage, animations: 'disabled' });

browserSuite('work report (工作报告)', (env) => {
  it('generates the 2022 H1 report, opens a figure\'s records and downloads the Word file', async () => {
    const { page, errors } = await openPage(env.browser);
    await login(page, env.url, 'leader', DEMO_PASSWORD);
    const menu = page.getByTestId('side-menu');
    await menu.locator('.ant-menu-submenu-title', { hasText: '统计报告' }).click();
    await menu.getByText('工作报告', { exact: true }).click();
    await page.getByRole('heading', { name: '工作报告', exact: true }).waitFor();
    await page.getByText('点击“生成报告”').waitFor();

    // The period is the demo county's first half of 2022 unless changed.
    await page.getByRole('button', { name: '生成报告' }).click();
    const doc = page.getByRole('article', { name: '工作报告正文' });
    await doc.getByRole('heading', { name: '汨水市2022年上半年应急管理工作情况报告' }).waitFor({ timeout: 60_000 });
    await doc.getByText('实现事故起数和死亡人数“双下降”').waitFor();
    await expect.poll(() => doc.locator('mark').count()).toBeGreaterThan(8);
    const violations = doc.locator('[data-figure="road.violations"]');
    expect(await violations.innerText()).toBe('10992起');
    await shot(page, 'work-report.png', true);

    // A figure opens its list: the 4 major fire hazards under 挂牌督办.
    const fire = doc.locator('[data-figure="fire.major"]');
    expect(await fire.innerText()).toBe('4处');
    await fire.click();
    await page.waitForURL(/\/hazards\?.*sector=fire_key.*level=major/);
    await page.getByText(/共\s*4\s*条/).first().waitFor();
    await page.goBack();
    await doc.getByRole('heading', { name: '汨水市2022年上半年应急管理工作情况报告' }).waitFor();

    // The Word file, named after the report.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 Word' }).click()]);
    expect(download.suggestedFilename()).toBe('汨水市2022年上半年应急管理工作情况报告.docx');
    await page.getByText('已下载 Word 文件').waitFor();
    expect(errors).toEqual([]);

    const phone = await openPage(env.browser, PHONE);
    await login(phone.page, env.url, 'town_baitang', DEMO_PASSWORD);
    await phone.page.goto(`${env.url}/reports/work?kind=half&from=2022-01-01&to=2022-06-30&run=1`);
    await phone.page.getByRole('heading', { name: '白塘镇2022年上半年应急管理工作情况报告' }).waitFor({ timeout: 60_000 });
    await shot(phone.page, 'work-report-phone.png');
    const width = await phone.page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width + 1);
    expect(phone.errors).toEqual([]);
  }, 240_000);
});
