// Through a real browser against the real server with the demo county: open the 危险化学品 plan from the list,
// read a level's start conditions and actions, and compare its 2019 and 2022 versions side by side. Also the
// list on a phone.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, login, openPage, browserSuite, SHOTS } from './browser.js';

const PHONE = { width: 390, height: 844 };

function shot(page: Page, name: string, fullPage = false) {
  return page.screenshot({ path: SHOTS + name, fullPage, animations: 'disabled' });
}

browserSuite('web: emergency plans (应急预案)', (server) => {
  it('opens a plan, shows a level\'s conditions and actions, and diffs two versions', async () => {
    const { page, errors } = await openPage(server.browser);
    await login(page, server.url, 'staff', DEMO_PASSWORD);
    await page.goto(`${server.url}/command/plans?kind=special`);
    await page.getByText('汨水市防汛抗旱应急预案').waitFor();
    await shot(page, 'plans-list.png');
    await page.getByPlaceholder('预案名称、编制单位、备案编号').fill('危险化学品');
    await page.getByPlaceholder('预案名称、编制单位、备案编号').press('Enter');
    await page.getByText('汨水市危险化学品事故应急预案').click();

    // The published 2022 version, Ⅲ级: its start conditions and the actions of each group.
    await page.getByRole('heading', { name: '汨水市危险化学品事故应急预案' }).waitFor();
    await page.getByTestId('level-switch').getByText('Ⅲ级响应').click();
    await page.getByText('Ⅲ级响应：较大事故响应').waitFor();
    await page.getByText('死亡（含失踪） ≥ 3 人').waitFor();
    const actions = page.getByTestId('level-actions');
    await actions.getByText('在事故现场下风向布设监测点，每小时报告有毒有害气体浓度').waitFor();
    await actions.getByText('调集专业救援队伍和专家，制定抢险方案').waitFor();
    await shot(page, 'plan-detail.png');

    // Compare 2019版 with 2022版.
    await page.getByRole('tab', { name: /版本/ }).click();
    const rows = page.locator('.ant-table-row');
    await rows.filter({ hasText: '2019版' }).locator('input[type="checkbox"]').check();
    await rows.filter({ hasText: '2022版' }).locator('input[type="checkbox"]').check();
    await page.getByRole('button', { name: '对比所选两个版本' }).click();
    await page.getByRole('heading', { name: /版本对比/ }).waitFor();
    const diff = page.getByTestId('diff-changes');
    await diff.getByText('环境监测组').first().waitFor();
    await diff.getByText('重伤（含急性工业中毒）≥5 人', { exact: false }).first().waitFor();
    expect(await diff.locator('.ant-tag', { hasText: '新增' }).count()).toBeGreaterThan(0);
    expect(await diff.locator('mark').count()).toBeGreaterThan(0);
    await shot(page, 'plan-diff.png', true);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('lists the plans on a phone', async () => {
    const { page, errors } = await openPage(server.browser, PHONE);
    await login(page, server.url, 'town_baitang', DEMO_PASSWORD);
    await page.goto(`${server.url}/command/plans`);
    await page.getByText('白塘镇突发事件应急预案').waitFor();
    await shot(page, 'plans-list-phone.png');
    await page.getByText('白塘镇突发事件应急预案').click();
    await page.getByTestId('level-actions').waitFor();
    await shot(page, 'plan-detail-phone.png', true);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);
});
