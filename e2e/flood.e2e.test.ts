// Through a real browser against the demo county: the 罗江镇 station opens 防汛, sees its facilities with their
// responsible people in the list and on the map, opens a 2022 inspection batch and records a finding, which becomes
// a hazard (隐患) with its own page; then the same page on a phone.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite, DEMO_PASSWORD, login, openPage, SHOTS } from './browser.js';

const PHONE = { width: 390, height: 844 };
const shot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: SHOTS + name, fullPage, animations: 'disabled' });

browserSuite('flood control (防汛)', (env) => {
  it('shows the facilities on the map and turns a batch finding into a hazard', async () => {
    const { page, errors } = await openPage(env.browser);
    await login(page, env.url, 'town_luojiang', DEMO_PASSWORD);
    await page.goto(`${env.url}/disaster/flood?season=2022`);
    await page.getByRole('columnheader', { name: '巡查责任人' }).waitFor();
    await page.getByText('排查隐患 / 已整改').waitFor();
    await page.getByPlaceholder('名称、责任人或村名').fill('水库');
    await page.keyboard.press('Enter');
    await page.getByRole('cell', { name: /水库$/ }).first().waitFor();
    await shot(page, 'flood-facilities.png');

    await page.getByText('地图', { exact: true }).click();
    await page.locator('.leaflet-container').waitFor();
    // Points are drawn on a canvas, clusters as labelled bubbles: wait for either, then for the legend of kinds.
    await page.getByTestId('region-map').locator('.yj-map-cluster, canvas').first().waitFor();
    await page.getByTestId('region-map').getByText('山洪危险区').waitFor();
    await shot(page, 'flood-map.png');

    await page.getByRole('tab', { name: '备汛检查' }).click();
    await page.getByRole('cell', { name: /^BX-2022-/ }).first().click();
    await page.getByRole('button', { name: '登记问题' }).click();
    const dialog = page.getByRole('dialog', { name: '登记发现的问题' });
    await dialog.getByLabel('设施').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await dialog.getByLabel('问题').fill('浏览器测试：坝顶排水沟淤堵');
    await dialog.getByRole('button', { name: '登记为隐患' }).click();
    await page.getByText('已登记为隐患，请在隐患页面交办整改').waitFor();
    const link = page.getByRole('link', { name: /浏览器测试：坝顶排水沟淤堵/ });
    await link.waitFor();
    await shot(page, 'flood-batch.png');
    await link.click();
    await page.waitForURL(/\/hazards\/[0-9a-f-]{36}$/);
    await page.getByText('浏览器测试：坝顶排水沟淤堵').first().waitFor();
    expect(errors).toEqual([]);

    const phone = await openPage(env.browser, PHONE);
    await login(phone.page, env.url, 'town_luojiang', DEMO_PASSWORD);
    await phone.page.goto(`${env.url}/disaster/flood?season=2022&tab=response`);
    await phone.page.getByRole('cell', { name: 'FXXY-2022-001' }).click();
    await phone.page.getByText('任务与叫应').waitFor();
    await shot(phone.page, 'flood-phone-response.png');
    const width = await phone.page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width + 1);
    expect(phone.errors).toEqual([]);
  });

  it('shows live water level and rainfall against the thresholds, prints the rectification notice, and keeps a village officer to reading', async () => {
    const { page, errors } = await openPage(env.browser);
    await login(page, env.url, 'staff', DEMO_PASSWORD);
    await page.goto(`${env.url}/disaster/flood?season=2022`);
    await page.getByText('实时水雨情', { exact: true }).click();
    await page.getByText(/^接入监测的设施 \d+ 处/).waitFor();
    await page.locator('.ant-table-row').first().click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText('实时水雨情').waitFor();
    await drawer.getByText(/汛限水位|临界雨量|未更新|暂无/).first().waitFor();
    await shot(page, 'flood-live.png');
    await drawer.getByRole('button', { name: /^修\s*改$/ }).click();
    await page.getByRole('dialog', { name: /^修改：/ }).getByLabel('行政责任人').waitFor();
    await page.getByRole('button', { name: /^取\s*消$/ }).click();

    await page.getByRole('tab', { name: '备汛检查' }).click();
    await page.getByPlaceholder('批次号、检查组或乡镇').fill('BX-2022');
    await page.keyboard.press('Enter');
    // A batch with findings: the 问题 / 已整改 column reads "n / m" with n > 0.
    await page.getByRole('cell', { name: /^[1-9]\d* \/ \d+$/ }).first().click();
    const [doc] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '整改通知书' }).click()]);
    expect(doc.suggestedFilename()).toMatch(/^防汛隐患整改通知书-BX-2022-\d+\.docx$/);
    expect(errors).toEqual([]);

    const village = await openPage(env.browser, PHONE);
    await login(village.page, env.url, 'informant_demo', DEMO_PASSWORD);
    await village.page.goto(`${env.url}/disaster/flood`);
    await village.page.getByRole('columnheader', { name: '行政责任人' }).waitFor();
    expect(await village.page.getByRole('button', { name: '登记设施' }).count()).toBe(0);
    await village.page.goto(`${env.url}/disaster/informants`);
    await village.page.locator('.ant-table-row').first().click();
    await village.page.getByText('名册由乡镇或县级维护').waitFor();
    expect(await village.page.getByRole('button', { name: /^修\s*改$/ }).count()).toBe(0);
    await shot(village.page, 'informants-village-phone.png');
    expect(village.errors).toEqual([]);
  });
});
