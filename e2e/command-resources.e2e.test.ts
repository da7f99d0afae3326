// Through a real browser against the demo county: the staff opens 应急资源, finds the county brigade in the team list,
// takes sandbags out of the county reserve (the over-balance attempt is refused with the balance), sees the movement
// in the ledger, and looks at the resources on the map and the readiness overview, on a desktop and on a phone.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite, chooseOption, DEMO_PASSWORD, login, openPage, SHOTS } from './browser.js';

const PHONE = { width: 390, height: 844 };
const shot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: SHOTS + name, fullPage, animations: 'disabled' });

/** Pick an option of an Ant Design select in the open dialog by typing part of its label. */
const choose = (page: Page, label: string, text: string) => chooseOption(page, page.getByRole('dialog').getByLabel(label), text);

async function outbound(page: Page, quantity: string, reason: string) {
  await page.getByRole('button', { name: /出入库/ }).first().click();
  await page.getByRole('menuitem', { name: '出库' }).click();
  await page.getByRole('dialog').waitFor();
  await choose(page, '储备库', '汨水市应急物资储备库');
  await choose(page, '物资', '编织袋');
  await page.getByRole('dialog').getByLabel('数量').fill(quantity);
  await page.getByRole('dialog').getByLabel('用途（事由）').fill(reason);
  await page.getByRole('dialog').getByRole('button', { name: /确认出库/ }).click();
}

browserSuite('emergency resources (应急资源)', (env) => {
  it('lists teams, moves stock with its ledger line, and shows the map and readiness', async () => {
    const { page, errors } = await openPage(env.browser);
    await login(page, env.url, 'staff', DEMO_PASSWORD);
    await page.goto(`${env.url}/command/resources`);
    await page.getByRole('cell', { name: '汨水市综合应急救援大队' }).waitFor();
    await page.getByPlaceholder('队伍名称、负责人、电话').fill('白塘');
    await page.keyboard.press('Enter');
    await page.getByRole('cell', { name: '白塘镇应急救援分队' }).waitFor();
    await shot(page, 'command-resources-teams.png');

    await page.getByRole('tab', { name: '物资库存' }).click();
    await page.getByRole('columnheader', { name: '最低储备' }).waitFor();
    await outbound(page, '99999999', '超量出库测试');
    await page.getByText(/库存只有 \d+ 条，不足 99999999 条，不能出库/).waitFor();
    await page.getByRole('dialog').getByRole('button', { name: /取\s?消/ }).click();
    await outbound(page, '500', '浏览器测试：白塘堤段抢险');
    await page.getByText(/已出库，结存/).waitFor();

    await page.getByRole('tab', { name: '出入库台账' }).click();
    const row = page.getByRole('row').filter({ hasText: '浏览器测试：白塘堤段抢险' });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/出库[\s\S]*-500 条/);
    await shot(page, 'command-resources-ledger.png');

    await page.goto(`${env.url}/command/resources/map`);
    await page.getByText(/共 [1-9]\d* 处/).waitFor();
    const count = Number((await page.getByText(/共 \d+ 处/).innerText()).match(/\d+/)![0]);
    expect(count).toBeGreaterThan(100);
    await page.locator('.leaflet-container').waitFor();
    await page.getByRole('button', { name: /查\s?找/ }).click();
    await page.getByRole('cell', { name: /公里|米/ }).first().waitFor();
    await shot(page, 'command-resources-map.png');

    await page.goto(`${env.url}/command/resources/readiness`);
    await page.getByText('低于最低储备').first().waitFor();
    await shot(page, 'command-resources-readiness.png', true);
    expect(errors).toEqual([]);

    const phone = await openPage(env.browser, PHONE);
    await login(phone.page, env.url, 'town_baitang', DEMO_PASSWORD);
    await phone.page.goto(`${env.url}/command/resources?tab=shelters`);
    await phone.page.getByRole('columnheader', { name: '安置情况' }).waitFor();
    expect(await phone.page.getByRole('button', { name: /登记避难场所/ }).count()).toBe(0);
    await shot(phone.page, 'command-resources-phone.png');
    await phone.page.goto(`${env.url}/command/resources/map`);
    await phone.page.locator('.leaflet-container').waitFor();
    await shot(phone.page, 'command-resources-map-phone.png');
    expect(phone.errors).toEqual([]);
  });
});
