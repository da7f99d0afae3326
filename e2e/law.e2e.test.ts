// Through a real browser against the real server with the demo county: an officer searches the law library for an article
// by its citation, opens a violation item, reads its benchmark and tries it out, then uses it on a case — the penalty
// panel on the case page proposes from the benchmark, and an amount outside the range asks for a reason. A checklist item
// shows the article it cites; on an inspection a failed item proposes its violation item, carried into the case filed from it.
// A hazard category cites its articles: a hazard reported under one shows the article's text on its detail page.
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

    // 4. A checklist item cites its article: the checklist page shows the article with its text.
    await page.goto(`${server.url}/enforcement/checklists`);
    const hazchem = page.locator('.ant-table-row').filter({ hasText: '危险化学品企业执法检查表' });
    await hazchem.locator('.ant-table-row-expand-icon').click();
    const wh2 = page.locator('.ant-table-row').filter({ hasText: 'WH-2' });
    await wh2.getByTestId('article-cite').filter({ hasText: '第四十条' }).hover();
    await page.getByText('生产经营单位对重大危险源应当登记建档').first().waitFor();
    await shot(page, 'law-checklist-cites.png', true);

    // 5. On an inspection, a failed item proposes its violation item with the benchmark; a case filed from it carries the item.
    const inspection = await page.request.post(`${server.url}/api/enforcement/inspections`, { data: { origin: 'adhoc', enterpriseId: firms.items[0].id,
      officerIds: officers.slice(0, 2).map((o) => o.id), checklistId: '0190f100-0000-7000-8000-000000000002' } });
    expect(inspection.status(), await inspection.text()).toBe(200);
    const inspectionId = (await inspection.json()).id as string;
    const recorded = await page.request.post(`${server.url}/api/enforcement/inspections/${inspectionId}/record`, { data: { results: [
      { code: 'WH-2', ok: false, note: '重大危险源未登记建档', toHazard: true }] } });
    expect(recorded.status(), await recorded.text()).toBe(200);
    const done = await page.request.post(`${server.url}/api/enforcement/inspections/${inspectionId}/complete`, { data: { refusalNote: '负责人外出，拒绝签字' } });
    expect(done.status(), await done.text()).toBe(200);
    await page.goto(`${server.url}/enforcement/inspections/${inspectionId}`);
    const proposed = page.getByTestId('proposed-violations');
    await proposed.getByText('拟认定违法行为').waitFor();
    const first = proposed.getByTestId('proposed-item').first();
    await first.getByText('AQF-101-02').waitFor();
    await first.getByText('违反所引条文').waitFor();
    expect(await first.getByTestId('proposed-bands').locator('.ant-table-row').count()).toBe(4);
    await shot(page, 'law-inspection-proposed.png', true);
    await first.getByRole('button', { name: '据此申请立案' }).click();
    await page.locator('.ant-modal').getByText('拟认定违法行为：AQF-101-02').waitFor();
    await page.getByRole('button', { name: '提交立案审批' }).click();
    await page.waitForURL(/\/enforcement\/cases\//);
    const carried = page.getByTestId('penalty-panel');
    await carried.getByTestId('carried-violation').waitFor();
    await carried.getByText(/AQF-101-02/).first().waitFor();
    await carried.getByRole('button', { name: '按基准试算' }).click();
    await carried.getByTestId('benchmark-result').getByText(/第四十条/).first().waitFor();
    await shot(page, 'law-case-carried.png', true);

    // 6. The library on a phone.
    const phone = await openPage(server.browser, PHONE);
    await login(phone.page, server.url, 'officer', DEMO_PASSWORD);
    await phone.page.goto(`${server.url}/law/violations`);
    await phone.page.getByText('违法行为与裁量基准').first().waitFor();
    await phone.page.locator('.ant-table-row').first().waitFor();
    await shot(phone.page, 'law-violations-phone.png');
    expect(errors).toEqual([]);
    expect(phone.errors).toEqual([]);
  }, 180_000);

  it('lists the hazard categories with their articles, and a hazard reported under one shows the article on its detail', async () => {
    const { page, errors } = await openPage(server.browser);
    await login(page, server.url, 'staff', DEMO_PASSWORD);

    // 1. The categories in the library, each with the articles it cites.
    await page.goto(`${server.url}/law`);
    await page.getByRole('tab', { name: '隐患类别' }).click();
    const training = page.getByTestId('hazard-categories').locator('.ant-table-row').filter({ hasText: '安全教育培训与持证上岗' });
    await training.getByTestId('article-cite').filter({ hasText: '第二十八条' }).waitFor();
    await page.getByTestId('hazard-categories').locator('.ant-table-row').filter({ hasText: '粉尘涉爆' }).getByText('待核对').waitFor();
    await shot(page, 'law-hazard-categories.png', true);

    // 2. Report a hazard picking that category.
    const firms = await (await page.request.get(`${server.url}/api/enterprises?sector=industry_trade&pageSize=1`)).json() as { items: { id: string }[] };
    await page.goto(`${server.url}/hazards/new?enterpriseId=${firms.items[0].id}`);
    await page.getByLabel('隐患简述').fill('叉车司机未取得特种作业操作证');
    await page.getByLabel('隐患类别', { exact: true }).click();
    await page.keyboard.type('持证');
    await page.locator('.ant-select-item-option').filter({ hasText: '基础管理类 / 安全教育培训与持证上岗' }).click();
    await page.getByRole('button', { name: '提交上报' }).click();
    await page.waitForURL(/\/hazards\/[0-9a-f-]{36}$/);

    // 3. Its detail shows the category and the article's number and text as of the day it was found.
    await page.getByText('基础管理类 / 安全教育培训与持证上岗').first().waitFor();
    const cites = page.getByTestId('hazard-category-cites');
    await cites.getByTestId('article-cite').filter({ hasText: '第二十八条' }).waitFor();
    await cites.getByText(/《安全生产法》第二十八条（2021年修正）：生产经营单位应当对从业人员进行安全生产教育和培训/).waitFor();
    await shot(page, 'law-hazard-category-detail.png', true);

    // 4. The ledger filters by the category.
    const id = page.url().split('/').pop()!;
    const listed = await (await page.request.get(`${server.url}/api/hazards?categoryCode=basic&pageSize=200`)).json() as { items: { id: string }[] };
    expect(listed.items.map((h) => h.id)).toContain(id);

    // 5. A self-check template is edited with its items' articles: a repeated item code is refused, then a new version saved.
    await page.goto(`${server.url}/hazards/self-check`);
    await page.getByRole('button', { name: '管理检查表' }).click();
    await page.locator('.ant-drawer .ant-list-item').filter({ hasText: '燃气用户（餐饮等）日常检查表' }).getByRole('button', { name: /编\s*辑/ }).click();
    const editor = page.locator('.ant-modal').filter({ hasText: '修改检查表' });
    await editor.getByRole('button', { name: '添加检查项' }).click();
    const added = editor.getByTestId('template-item-3');
    await added.getByLabel('编号').fill('RQ-2');
    await added.getByLabel('检查内容').fill('用气场所通风良好');
    await added.getByTestId('cites-field').locator('.ant-select').click();
    await page.keyboard.type('安全生产法第三十六条');
    await page.locator('.ant-select-item-option').filter({ hasText: '第三十六条' }).first().click();
    await editor.getByRole('button', { name: /保\s*存/ }).click();
    await page.locator('.ant-message').getByText('检查条目编号不能重复：RQ-2').waitFor();
    await added.getByLabel('编号').fill('RQ-4');
    await editor.getByRole('button', { name: /保\s*存/ }).click();
    await page.locator('.ant-message').getByText('检查表已保存（第 2 版）').waitFor();
    await page.locator('.ant-drawer .ant-list-item').filter({ hasText: '燃气用户（餐饮等）日常检查表' }).getByText('第 2 版').waitFor();
    await shot(page, 'law-template-edited.png', true);
    expect(errors).toEqual([]);
  }, 180_000);
});
