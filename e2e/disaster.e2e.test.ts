// Through a real browser against the real server with the demo county: a village disaster officer files a 初报 on a
// phone, 白塘镇 approves it, and the county sees the figures in the event's summary; the officer roster and relief pages
// are photographed on a desktop and a phone.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, login, openPage, browserSuite, SHOTS } from './browser.js';

const PHONE = { width: 390, height: 844 };
const shot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: SHOTS + name, fullPage, animations: 'disabled' });

browserSuite('web: disaster reports (灾情报送)', (server) => {
  it('a village officer files a 初报 on a phone, the town approves, the county sees the aggregated figures', async () => {
    const name = `E2E山洪${Date.now().toString(36)}`;
    // The county opens the event for 白塘镇 (through the API, as the desk would from its form).
    const desk = await openPage(server.browser);
    await login(desk.page, server.url, 'staff', DEMO_PASSWORD);
    const created = await desk.page.request.post(`${server.url}/api/disaster/events`, {
      data: { name, kind: 'flood', startedAt: new Date(Date.now() - 30 * 60_000).toISOString(), areas: ['430699101000'] } });
    expect(created.status()).toBe(200);

    // 1. The village officer files on a phone: the event and their village are preselected.
    const phone = await openPage(server.browser, PHONE);
    await login(phone.page, server.url, 'informant_demo', DEMO_PASSWORD);
    await phone.page.goto(`${server.url}/disaster/reports`);
    await phone.page.getByRole('button', { name: '报送灾情' }).click();
    const form = phone.page.getByRole('dialog');
    await form.getByText(name).waitFor();
    await form.getByLabel('受灾人口（人）').fill('35');
    await form.getByLabel('紧急转移安置人口（人）').fill('12');
    await shot(phone.page, 'disaster-report-phone.png');
    await form.getByRole('button', { name: '报 送' }).or(form.getByRole('button', { name: '报送' })).click();
    await phone.page.getByText('灾情已报送，等待上级审核').waitFor();

    // 2. The town approves it from its to-do list.
    const town = await openPage(server.browser, PHONE);
    await login(town.page, server.url, 'town_baitang', DEMO_PASSWORD);
    await town.page.goto(`${server.url}/disaster/reports?q=${encodeURIComponent(name)}`);
    await town.page.getByRole('cell', { name: '初报' }).first().click();
    await town.page.getByRole('button', { name: '审核通过' }).click();
    await town.page.getByText('已审核通过').waitFor();

    // 3. The county sees the figures in the event's summary.
    // The events tab opens from the address with its search (switching tabs starts each list without the last one's filters).
    await desk.page.goto(`${server.url}/disaster/reports?tab=events&q=${encodeURIComponent(name)}`);
    await desk.page.getByRole('cell', { name }).click();
    const summary = desk.page.getByRole('dialog');
    await summary.getByText('村（社区）汇总').first().waitFor();
    const row = summary.getByRole('row', { name: /受灾人口（人）/ });
    await row.getByRole('cell', { name: '35' }).first().waitFor();
    await shot(desk.page, 'disaster-summary.png');
    expect([...desk.errors, ...phone.errors, ...town.errors]).toEqual([]);
  });

  it('shows the officer roster and the relief audit on a desktop and a phone', async () => {
    for (const [size, tag] of [[undefined, 'desktop'], [PHONE, 'phone']] as const) {
      const p = await openPage(server.browser, size);
      await login(p.page, server.url, 'staff', DEMO_PASSWORD);
      await p.page.goto(`${server.url}/disaster/informants`);
      await p.page.getByText('缺岗（必须补齐）').waitFor();
      await shot(p.page, `disaster-informants-${tag}.png`);
      await p.page.goto(`${server.url}/disaster/relief`);
      await p.page.getByRole('tab', { name: '专项督查' }).click();
      await p.page.getByRole('cell', { name: '2022年上半年救灾资金专项督查' }).click();
      await p.page.getByText('任何人可按种子复算', { exact: false }).waitFor();
      await shot(p.page, `disaster-relief-audit-${tag}.png`);
      if (tag === 'desktop') {
        const [doc] = await Promise.all([p.page.waitForEvent('download'), p.page.getByRole('button', { name: '督查报告（Word）' }).click()]);
        expect(doc.suggestedFilename()).toBe('2022年上半年救灾资金专项督查情况报告.docx');
      }
      expect(p.errors).toEqual([]);
    }
  });

  it('a town corrects an officer\'s phone on a phone-sized screen', async () => {
    const town = await openPage(server.browser, PHONE);
    await login(town.page, server.url, 'town_baitang', DEMO_PASSWORD);
    await town.page.goto(`${server.url}/disaster/informants`);
    await town.page.locator('.ant-table-row').first().click();
    await town.page.getByRole('button', { name: /^修\s*改$/ }).click();
    const form = town.page.getByRole('dialog', { name: /^修改：/ });
    await form.getByLabel('手机号码（24小时开机）').fill('13907305566');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await town.page.getByText('已修改').waitFor();
    await town.page.locator('.ant-drawer').getByText(/^139(07305566|\*{4}5566)$/).waitFor(); // shown whole or masked, as the town's role sees phones
    await shot(town.page, 'disaster-informant-edit-phone.png');
    expect(town.errors).toEqual([]);
  });
});
