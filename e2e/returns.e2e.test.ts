// Through a real browser against the real server with the demo county: the bureau designs a monthly form and
// publishes it; 白塘镇 fills it on a phone and its station chief approves; the bureau sends it back; the town
// corrects and resubmits; the bureau accepts and the figure appears in the aggregate, linked to the return.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, login, openPage, browserSuite, SHOTS } from './browser.js';

const PHONE = { width: 390, height: 844 };
const shot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: SHOTS + name, fullPage, animations: 'disabled' });
const popconfirm = (page: Page) => page.locator('.ant-popconfirm .ant-btn-primary').click();

browserSuite('web: returns (报表填报)', (server) => {
  it('defines a monthly form, a town files it on a phone, it is sent back, corrected, resubmitted and totalled', async () => {
    const code = `E2E${Date.now().toString(36).toUpperCase()}`;
    const name = `测试月报${code}`;
    const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);

    // 1. The bureau designs the form; the preview judges a sample value as the server will.
    const desk = await openPage(server.browser);
    await login(desk.page, server.url, 'staff', DEMO_PASSWORD);
    await desk.page.goto(`${server.url}/returns/forms`);
    await desk.page.getByRole('button', { name: '设计报表' }).click();
    const drawer = desk.page.getByRole('dialog');
    await drawer.getByLabel('报表代码').fill(code);
    await drawer.getByLabel('报表名称').fill(name);
    await drawer.getByLabel('字段名称').first().fill('排查隐患');
    const preview = drawer.getByTestId('designer-preview');
    await preview.getByLabel('排查隐患').fill('-3');
    await preview.getByText('「排查隐患」不能为负数').waitFor();
    await shot(desk.page, 'returns-designer.png');
    await drawer.getByRole('button', { name: '保 存' }).or(drawer.getByRole('button', { name: '保存' })).click();
    await desk.page.getByRole('cell', { name, exact: true }).click();
    await desk.page.getByRole('button', { name: '发 布' }).or(desk.page.getByRole('button', { name: '发布' })).click();
    await popconfirm(desk.page);
    await desk.page.getByText('报表已发布').waitFor();

    // 2. 白塘镇 fills it on a phone and submits it to its leader.
    const phone = await openPage(server.browser, PHONE);
    await login(phone.page, server.url, 'town_baitang', DEMO_PASSWORD);
    await phone.page.goto(`${server.url}/returns/filings?q=${encodeURIComponent(code)}`);
    await phone.page.getByRole('cell', { name }).click();
    await phone.page.waitForURL(/\/returns\/mine\//);
    const returnUrl = phone.page.url();
    await phone.page.getByLabel('排查隐患').fill('7');
    await shot(phone.page, 'returns-fill-phone.png', true);
    await phone.page.getByRole('button', { name: '提交审核' }).click();
    await popconfirm(phone.page);
    await phone.page.getByText('等待本单位负责人审核').waitFor();

    const lead = await openPage(server.browser, PHONE);
    await login(lead.page, server.url, 'town_baitang_lead', DEMO_PASSWORD);
    const approve = async () => {
      await lead.page.goto(returnUrl);
      await lead.page.getByRole('button', { name: '审核通过并报送' }).click();
      await popconfirm(lead.page);
      await lead.page.getByText('已报送', { exact: true }).waitFor();
    };
    await approve();

    // 3. The bureau sends it back with a comment.
    await desk.page.goto(returnUrl);
    await desk.page.getByRole('button', { name: '退 回' }).or(desk.page.getByRole('button', { name: '退回' })).click();
    await desk.page.getByRole('textbox', { name: '退回意见' }).fill('与镇防汛隐患台账不一致，请核实');
    await desk.page.locator('.ant-modal-footer .ant-btn-primary').click();
    await desk.page.getByText('已退回', { exact: true }).first().waitFor();

    // 4. The town sees why, corrects, resubmits; the leader approves again; the bureau accepts.
    await phone.page.goto(returnUrl);
    await phone.page.getByText('与镇防汛隐患台账不一致，请核实').first().waitFor();
    await phone.page.getByLabel('排查隐患').fill('9');
    await phone.page.getByRole('button', { name: '提交审核' }).click();
    await popconfirm(phone.page);
    await phone.page.getByText('等待本单位负责人审核').waitFor();
    await approve();
    await desk.page.goto(returnUrl);
    await desk.page.getByRole('button', { name: '受 理' }).or(desk.page.getByRole('button', { name: '受理' })).click();
    await popconfirm(desk.page);
    await desk.page.getByText('已受理', { exact: true }).first().waitFor();
    expect(await desk.page.getByText(/第 2 版/).count()).toBeGreaterThan(0);
    await shot(desk.page, 'returns-trail.png', true);

    // 5. The total appears in the aggregate and opens the return behind it.
    await desk.page.goto(`${server.url}/returns/aggregate`);
    await desk.page.getByLabel('报表').click();
    await desk.page.locator('.ant-select-dropdown').getByText(name, { exact: true }).click();
    await desk.page.getByLabel('起始期别').fill(month);
    await desk.page.getByLabel('截止期别').fill(month);
    const total = desk.page.getByTestId('aggregate-table').getByTestId('sum-total-total');
    await expect.poll(() => total.innerText()).toBe('9');
    await shot(desk.page, 'returns-aggregate.png');
    await total.click();
    await desk.page.waitForURL(/\/returns\/filings\?ids=/);
    await desk.page.getByRole('cell', { name: '白塘镇应急管理站' }).waitFor();
    await desk.page.goto(`${server.url}/returns/filings`);
    await shot(desk.page, 'returns-filings-desktop.png');
    expect([...desk.errors, ...phone.errors, ...lead.errors]).toEqual([]);
  });
});
