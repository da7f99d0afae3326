// Through a real browser against the real server with the demo county: an officer searches the law library for an article
// by its citation, opens a violation item, reads its benchmark and tries it out, then uses it on a case — the penalty
// panel on the case page proposes from the benchmark, and an amount outside the range asks for a reason.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, login, openPage, browserSuite, SHOTS } from './browser.js';

const PHONE = { width: 390, height: 844 };
const shot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: SHOTS + name, fullPage, animations: 'disabled' });

browserSuite('web: law library and penalty discretion (法规标准库与裁量基准)', (server) => {
  it('searches an article, opens a violation item with its benchmark, and proposes a case penalty from it', async () => {
    const { page, errors } = await openPage(server.browser);
    await login(page, server.url, 'officer', DEMO_PASSWORD);

    // 1. Search the library by citation: the article in force today, with its text on hover.
    await page.goto(`${server.url}/law`);
    await page.getByPlaceholder('词语，或“安全生产法第九十九条”“第99条”').fill('安全生产法第九十九条');
    await page.keyboard.press('Enter');
    const cite = page.getByTestId('article-cite').filter({ hasText: '第九十九条' });
    await cite.first().waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.ant-table-row').length === 1); // only the article in force today
    await cite.first().hover();
    await page.getByText('未在有较大危险因素的生产经营场所').first().waitFor();
    await shot(page, 'law-articles.png');

    // 2. The violation item and its benchmark.
    await page.goto(`${server.url}/law/violations`);
    await page.getByPlaceholder('违法行为、编号或关键词').fill('警示标志');
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: '未在有较大危险因素的生产经营场所和有关设施、设备上设置明显的安全警示标志' }).click();
    const benchmark = page.getByTestId('benchmark');
    await benchmark.getByText('不属于轻微、较重、严重情形的').waitFor();
    expect(await benchmark.locator('.ant-table-row').count()).toBe(4);
    await benchmark.getByText('5,000元–2万元').waitFor();
    await page.getByRole('button', { name: '按基准试算' }).click();
    const result = page.getByTestId('benchmark-result');
    await result.getByText('一般', { exact: true }).waitFor();
    await result.getByText('未及时改正').waitFor();
    await shot(page, 'law-violation.png', true);

    // 3. Use it on a case: file one through the API as the officer, then propose on the case page.
    const officers = await (await page.request.get(`${server.url}/api/enforcement/officers`)).json() as { id: string; username?: string }[];
    const firms = await (await page.request.get(`${server.url}/api/enterprises?sector=hazchem&pageSize=1`)).json() as { items: { id: string }[] };
    const filed = await page.request.post(`${server.url}/api/enforcement/cases`, { data: { source: 'other', enterpriseId: firms.items[0].id,
      cause: '未在储罐区设置明显的安全警示标志', officerIds: officers.slice(0, 2).map((o) => o.id) } });
    expect(filed.status(), await filed.text()).toBe(200);
    const caseId = (await filed.json()).id as string;
    await page.goto(`${server.url}/enforcement/cases/${caseId}`);
    const panel = page.getByTestId('penalty-panel');
    await panel.getByText('尚未提出处罚裁量').waitFor();
    await panel.getByLabel('违法行为').click();
    await page.keyboard.type('警示标志');
    await page.locator('.ant-select-item-option').filter({ hasText: 'AQF-099-01' }).click();
    await panel.getByRole('button', { name: '按基准试算' }).click();
    await panel.getByTestId('benchmark-result').getByText('一般', { exact: true }).waitFor();
    await panel.getByLabel('罚款金额').fill('30000');
    await panel.getByText('金额超出基准幅度').waitFor();
    await panel.getByRole('button', { name: '提出处罚裁量' }).click();
    await page.locator('.ant-message').getByText(/偏离裁量基准.*须写明偏离理由/).waitFor();
    await panel.getByLabel('罚款金额').fill('8000');
    await panel.getByRole('button', { name: '提出处罚裁量' }).click();
    await panel.getByText('在基准幅度内').waitFor();
    await panel.getByText(/《安全生产法》第九十九条（2021年修正）/).waitFor();
    await shot(page, 'law-case-panel.png', true);

    // 4. The library on a phone.
    const phone = await openPage(server.browser, PHONE);
    await login(phone.page, server.url, 'officer', DEMO_PASSWORD);
    await phone.page.goto(`${server.url}/law/violations`);
    await phone.page.getByText('违法行为与裁量基准').first().waitFor();
    await phone.page.locator('.ant-table-row').first().waitFor();
    await shot(phone.page, 'law-violations-phone.png');
    expect(errors).toEqual([]);
    expect(phone.errors).toEqual([]);
  }, 180_000);
});
