// Through a real browser against the real server with the demo county: a clerk finds an enterprise by part
// of its name, opens its page, changes its status with a reason and sees the change in its history; an
// import file with a bad credit code lists the bad row and can import the good ones; the map opens an
// enterprise's card; the enterprise's own account edits only what it may; and the list works on a phone.
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { makeUscc } from '../server/platform/codes/uscc.js';
import { DEMO_PASSWORD, login, openPage, browserSuite, SHOTS } from './browser.js';

const PHONE = { width: 390, height: 844 };
const DEMO_NAME = '汨水市恒达化工有限公司';


function shot(page: Page, name: string, fullPage = false) {
  return page.screenshot({ path: SHOTS + name, fullPage, animations: 'disabled' });
}

/** Searches the list and opens the enterprise whose name is shown. */
async function openFromList(page: Page, base: string, search: string, name: string): Promise<void> {
  await page.goto(`${base}/enterprises`);
  await page.getByLabel('搜索企业').fill(search);
  await page.getByLabel('搜索企业').press('Enter');
  await page.waitForURL((url) => url.searchParams.get('q') === search);
  await page.getByRole('link', { name, exact: true }).click();
  await page.getByTestId('enterprise-header').getByText(name).waitFor();
}

/** An import file: the server's own template with the given rows (header row 1, data from row 2). */
async function importFile(page: Page, base: string, rows: string[][]): Promise<{ name: string; mimeType: string; buffer: Buffer }> {
  const res = await page.request.get(`${base}/api/enterprises/import-template`);
  expect(res.status()).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.body() as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  rows.forEach((values, i) => values.forEach((v, j) => { ws.getRow(i + 2).getCell(j + 1).value = v; }));
  return { name: '企业导入.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await wb.xlsx.writeBuffer()) };
}

browserSuite('web: enterprise registry (一企一档)', (server) => {

  it('finds an enterprise by part of its name, changes its status with a reason and shows it in its history', async () => {
    const { page, errors } = await openPage(server.browser);
    await login(page, server.url, 'staff', DEMO_PASSWORD);
    await page.goto(`${server.url}/enterprises`);
    await page.locator('.ant-table-row').first().waitFor();
    await shot(page, 'enterprises-list.png');

    await openFromList(page, server.url, '恒达化工', DEMO_NAME);
    // Contacts' phones are masked (issue #11); the staff role may reveal one (查看, audited), which then dials.
    expect(await page.locator('a[href^="tel:"]').count()).toBe(0);
    await page.getByTestId('enterprise-header').getByRole('button', { name: '查看完整电话号码' }).first().click();
    await page.getByTestId('enterprise-header').locator('a[href^="tel:"]').first().waitFor();
    await shot(page, 'enterprise-page.png', true);

    const why = '检查发现液氨储罐区安全阀失效，责令停产整顿';
    await page.getByRole('button', { name: '变更经营状态' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '确认变更' }).click();
    await dialog.getByText('请选择新的经营状态').waitFor();
    await dialog.getByText('请填写变更原因').waitFor();
    await dialog.getByText('停产整顿', { exact: true }).click();
    await dialog.getByLabel('变更原因').fill(why);
    await dialog.getByLabel('决定人').fill('李局长');
    await dialog.getByLabel('文书文号').fill('汨应急责改〔2026〕8号');
    await shot(page, 'enterprise-status-modal.png');
    await dialog.getByRole('button', { name: '确认变更' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('enterprise-header').getByText('停产整顿', { exact: true }).waitFor();

    await page.getByRole('tab', { name: '变更记录' }).click();
    const history = page.getByTestId('status-history');
    await history.getByText(`原因：${why}`).waitFor();
    await history.getByText('文书：汨应急责改〔2026〕8号').waitFor();
    await page.getByTestId('change-history').getByText('变更经营状态').first().waitFor();
    await shot(page, 'enterprise-history.png', true);

    await page.getByRole('tab', { name: '重大危险源' }).click();
    await page.getByTestId('hazard-working').first().getByText(/R = α × Σ β·q\/Q/).waitFor();
    await shot(page, 'enterprise-hazard-sources.png', true);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 90_000);

  it('lists every bad row of an import file and imports the good rows when asked', async () => {
    const { page, errors } = await openPage(server.browser);
    await login(page, server.url, 'staff', DEMO_PASSWORD);
    const good = makeUscc('91', '430699', 'MA4E2E01');
    const bad = `${good.slice(0, 17)}${good[17] === '0' ? '1' : '0'}`;
    const file = await importFile(page, server.url, [
      ['汨水市导入测试五金有限公司', good, '白塘镇', '工贸'],
      ['汨水市导入测试错误代码有限公司', bad, '白塘镇', '其他'],
    ]);
    await page.goto(`${server.url}/enterprises`);
    await page.getByRole('button', { name: '导入 Excel' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[type=file]').setInputFiles(file);
    await dialog.getByRole('button', { name: '开始导入' }).click();
    const table = dialog.getByTestId('import-errors');
    await table.getByRole('cell', { name: '3', exact: true }).waitFor();
    await table.getByText(/第 18 位/).waitFor();
    await dialog.getByText('未写入任何数据').waitFor();
    await shot(page, 'enterprise-import-errors.png');
    await dialog.getByRole('button', { name: /只导入无误的行（1 行）/ }).click();
    await dialog.getByText('新增 1 家').waitFor();
    await dialog.getByRole('button', { name: /完\s*成/ }).click();
    await openFromList(page, server.url, '导入测试五金', '汨水市导入测试五金有限公司');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 90_000);

  it('opens an enterprise card from the map', async () => {
    const { page, errors } = await openPage(server.browser);
    await login(page, server.url, 'staff', DEMO_PASSWORD);
    await page.goto(`${server.url}/enterprises/map`);
    await page.getByTestId('region-map').locator('.yj-map-cluster').first().waitFor();
    await shot(page, 'enterprise-map.png');
    // One enterprise: the map frames it, so it sits in the middle of the map.
    await page.goto(`${server.url}/enterprises/map?q=${encodeURIComponent('恒达化工')}`);
    const map = page.getByTestId('region-map');
    await map.getByText('地图上 1 家企业').waitFor();
    const box = (await map.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.getByTestId('map-card').getByText(DEMO_NAME).waitFor();
    await shot(page, 'enterprise-map-card.png');
    await page.getByRole('link', { name: /查看一企一档/ }).click();
    await page.getByTestId('enterprise-header').getByText(DEMO_NAME).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('takes an enterprise account to its own page, where it edits contacts but not the record or status', async () => {
    const { page, errors } = await openPage(server.browser);
    await login(page, server.url, 'ent_demo', DEMO_PASSWORD);
    await page.goto(`${server.url}/enterprises`);
    await page.getByTestId('enterprise-header').getByText(DEMO_NAME).waitFor();
    await page.getByRole('button', { name: '修改联系人' }).waitFor();
    expect(await page.getByRole('button', { name: '编辑档案' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '变更经营状态' }).count()).toBe(0);
    await page.getByRole('tab', { name: '证照' }).click();
    await page.getByRole('button', { name: '登记证照' }).waitFor();
    await shot(page, 'enterprise-own-account.png');
    await page.getByRole('button', { name: '修改联系人' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('安全管理负责人电话').fill('12345');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.getByText(/请输入 11 位手机号/).waitFor();
    await dialog.getByLabel('安全管理负责人电话').fill('0730-5212345');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    // Shown masked like every phone (issue #11); the enterprise's own account cannot reveal it (no personal:phone).
    await page.getByTestId('enterprise-header').getByText('073*-***2345').waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('fits a phone: search, filter in a drawer, and call the principal from the enterprise page', async () => {
    const { page, errors } = await openPage(server.browser, PHONE);
    await login(page, server.url, 'staff', DEMO_PASSWORD);
    await page.goto(`${server.url}/enterprises`);
    await page.locator('.ant-table-row').first().waitFor();
    await shot(page, 'phone-enterprises-list.png');
    await page.getByRole('button', { name: '筛选' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('经营状态').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '在营' }).click();
    await shot(page, 'phone-enterprises-filters.png');
    await drawer.getByRole('button', { name: '查看结果' }).click();
    await page.waitForURL((url) => url.searchParams.get('status') === 'operating');
    await openFromList(page, server.url, '恒达', DEMO_NAME);
    // The principal's phone is masked; 查看 reveals it (audited) and it dials.
    await page.getByTestId('enterprise-header').getByRole('button', { name: '查看完整电话号码' }).first().click();
    const call = page.getByTestId('enterprise-header').locator('a[href^="tel:"]').first();
    expect(await call.getAttribute('href')).toMatch(/^tel:\d{11}$/);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width);
    await shot(page, 'phone-enterprise-page.png');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);
  it('says "超过 1,000 条" for a search of more than a thousand and counts them exactly when asked', async () => {
    const { page, errors } = await openPage(server.browser);
    await login(page, server.url, 'staff', DEMO_PASSWORD);
    // 1,001 enterprises whose names share 批量样例 (one import, as a city's registry would arrive).
    const rows = Array.from({ length: 1001 }, (_, i) => [`汨水市批量样例${String(i).padStart(4, '0')}商贸有限公司`,
      makeUscc('91', '430699', `MA4B${String(i).padStart(4, '0')}`), '白塘镇', '工贸']);
    const file = await importFile(page, server.url, rows);
    const imported = await page.request.post(`${server.url}/api/enterprises/import`, { multipart: { file } });
    expect(imported.status(), await imported.text()).toBe(200);
    expect((await imported.json()).created).toBe(1001);

    await page.goto(`${server.url}/enterprises?q=${encodeURIComponent('批量样例')}`);
    const pager = page.locator('.ant-pagination');
    await pager.getByText('超过 1,000 条').waitFor();
    await shot(page, 'enterprises-total-capped.png');
    await pager.getByRole('button', { name: '统计总数' }).click();
    await pager.getByText('共 1001 条').waitFor();
    expect(errors).toEqual([]);
    await page.context().close();

    // On a phone the pager keeps the words and the link on the screen.
    const phone = await openPage(server.browser, PHONE);
    await login(phone.page, server.url, 'staff', DEMO_PASSWORD);
    await phone.page.goto(`${server.url}/enterprises?q=${encodeURIComponent('批量样例')}`);
    const link = phone.page.locator('.ant-pagination').getByRole('button', { name: '统计总数' });
    await link.scrollIntoViewIfNeeded();
    const box = (await link.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    await shot(phone.page, 'enterprises-total-capped-phone.png');
    expect(phone.errors).toEqual([]);
    await phone.page.context().close();
  }, 120_000);
});
