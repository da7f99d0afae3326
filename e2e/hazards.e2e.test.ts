// Through a real browser against the real server with the demo county: a hazard goes round the 一单四制
// loop — an enterprise reports it with a photo from a phone, a county officer assigns it with a deadline,
// the enterprise submits it rectified with an after photo, another officer accepts it — and shows as
// 已销号 with its whole trail. Also: a risk point graded by LEC, and a self-check on a phone.
import { expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, login, openPage, browserSuite, pickDay, SHOTS } from './browser.js';

const PHONE = { width: 390, height: 844 };
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';


function shot(page: Page, name: string, fullPage = false) {
  return page.screenshot({ path: SHOTS + name, fullPage, animations: 'disabled' });
}

/** A day `days` from today in Asia/Shanghai, YYYY-MM-DD. */
function dayFromToday(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + days * 86_400_000));
}

/** A small JPEG-free "photo": a coloured PNG rendered by the browser itself. */
async function photo(browser: Browser, colour: string, label: string): Promise<{ name: string; mimeType: string; buffer: Buffer }> {
  const { page } = await openPage(browser, { width: 320, height: 240 });
  await page.setContent(`<div style="width:320px;height:240px;background:${colour};color:#fff;font:32px sans-serif;display:flex;align-items:center;justify-content:center">${label}</div>`);
  const buffer = await page.screenshot();
  await page.context().close();
  return { name: `${label}.png`, mimeType: 'image/png', buffer };
}

/** Picks a day in the open date picker of the field labelled `label`, paging months forward as needed. */
async function pickDate(page: Page, label: string, date: string): Promise<void> {
  await page.getByLabel(label).click();
  await pickDay(page, date);
}

/** Answers the confirmation every workflow move asks for. */
async function confirmMove(page: Page): Promise<void> {
  await page.locator('.ant-modal-confirm .ant-btn-primary').click();
}

async function statusIs(page: Page, status: string): Promise<void> {
  await page.getByTestId('hazard-tags').getByText(status, { exact: true }).waitFor();
}

browserSuite('web: hazards (隐患排查治理)', (server) => {

  it('closes a hazard round the loop: reported on a phone, assigned, rectified with photos, accepted', async () => {
    const title = `二号仓库灭火器压力不足 ${Date.now().toString(36)}`;
    const deadline = dayFromToday(10);

    // 1. The enterprise reports it from a phone, with a photo.
    const ent = await openPage(server.browser, PHONE);
    await login(ent.page, server.url, 'ent_demo', DEMO_PASSWORD);
    await ent.page.goto(`${server.url}/hazards`);
    await ent.page.getByRole('button', { name: '上报隐患' }).click();
    await ent.page.getByLabel('隐患简述').fill(title);
    await ent.page.getByLabel('详细描述').fill('仓库东侧 3 具干粉灭火器压力表指针在红区。');
    await ent.page.getByTestId('report-photos-album').setInputFiles(await photo(server.browser, '#c0392b', '整改前'));
    await ent.page.locator('img[alt=现场照片]').waitFor();
    await shot(ent.page, 'hazard-report-phone.png', true);
    await ent.page.getByRole('button', { name: '提交上报' }).click();
    await ent.page.waitForURL(new RegExp(`/hazards/${UUID}$`));
    const hazardUrl = ent.page.url();
    await statusIs(ent.page, '待整改');
    await shot(ent.page, 'hazard-reported-phone.png', true);

    // 2. A county officer finds it under 我的待办 and assigns it with a deadline (交办整改).
    const staff = await openPage(server.browser);
    await login(staff.page, server.url, 'staff', DEMO_PASSWORD);
    await staff.page.goto(`${server.url}/hazards?view=todo&q=${encodeURIComponent(title)}`);
    await staff.page.getByRole('link', { name: title }).first().click();
    await staff.page.waitForURL(hazardUrl);
    await staff.page.getByTestId('hazard-actions').getByRole('button', { name: '交办整改' }).click();
    const assign = staff.page.getByRole('dialog');
    await assign.getByLabel('整改责任人').fill('易勤');
    await assign.getByLabel('责任人电话').fill('13907301234');
    await assign.getByLabel('整改措施').fill('更换 3 具灭火器，建立月度检查记录。');
    await assign.getByLabel('整改资金（元）').fill('600');
    await pickDate(staff.page, '整改期限', deadline);
    await shot(staff.page, 'hazard-assign-desktop.png');
    await assign.locator('.ant-modal-footer .ant-btn-primary').click();
    await confirmMove(staff.page);
    await statusIs(staff.page, '整改中');
    await staff.page.getByTestId('rectification-card').getByText(deadline).waitFor();

    // 3. The enterprise submits it rectified, with an after photo (提交复查).
    await ent.page.reload();
    await statusIs(ent.page, '整改中');
    await ent.page.getByTestId('hazard-actions').getByRole('button', { name: '提交复查' }).click();
    const submit = ent.page.getByRole('dialog');
    await submit.getByTestId('after-photos-album').setInputFiles(await photo(server.browser, '#27ae60', '整改后'));
    await submit.locator('img[alt=现场照片]').waitFor();
    await submit.getByLabel('整改情况说明').fill('已更换灭火器 3 具，压力正常。');
    await shot(ent.page, 'hazard-submit-phone.png');
    await submit.locator('.ant-modal-footer .ant-btn-primary').click();
    await confirmMove(ent.page);
    await statusIs(ent.page, '待复查');
    // The enterprise cannot review its own work: no review buttons for it.
    await expect(ent.page.getByRole('button', { name: '复查销号' }).count()).resolves.toBe(0);

    // 4. An enforcement officer accepts it (复查销号).
    const officer = await openPage(server.browser);
    await login(officer.page, server.url, 'officer', DEMO_PASSWORD);
    await officer.page.goto(hazardUrl);
    await officer.page.getByTestId('hazard-actions').getByRole('button', { name: '复查销号' }).click();
    const accept = officer.page.getByRole('dialog');
    await accept.getByLabel('复查意见').fill('经现场复查，已整改到位。');
    await accept.locator('.ant-modal-footer .ant-btn-primary').click();
    await confirmMove(officer.page);
    await statusIs(officer.page, '已销号');
    await expect(officer.page.getByTestId('hazard-actions').count()).resolves.toBe(0);

    // 5. 已销号, with the whole trail and the photos before and after.
    const trail = officer.page.getByTestId('hazard-trail');
    await expect(trail.locator('.ant-timeline-item').count()).resolves.toBe(4);
    const steps = await trail.locator('.ant-timeline-item strong').allInnerTexts();
    expect(steps).toEqual(['上报隐患', '交办整改', '提交复查', '复查销号']);
    await expect(trail.locator('img').count()).resolves.toBe(2);
    await trail.getByText('整改前照片').waitFor();
    await trail.getByText('整改后照片').waitFor();
    await officer.page.getByTestId('rectification-card').getByText(/复查通过，已销号/).waitFor();
    await shot(officer.page, 'hazard-closed-desktop.png', true);

    await ent.page.reload();
    await statusIs(ent.page, '已销号');
    await ent.page.getByTestId('hazard-trail').locator('img').nth(1).waitFor();
    await shot(ent.page, 'hazard-closed-phone.png', true);

    for (const p of [ent, staff, officer]) {
      expect(p.errors).toEqual([]);
      await p.page.context().close();
    }
  }, 180_000);

  it('grades a risk point by LEC as it is entered and shows it on the four-colour map', async () => {
    const { page, errors } = await openPage(server.browser);
    await login(page, server.url, 'staff', DEMO_PASSWORD);
    await page.goto(`${server.url}/hazards/risks`);
    await page.getByRole('button', { name: '登记风险点' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('公共场所', { exact: true }).click();
    await dialog.getByLabel('所在区划').click();
    await page.keyboard.type('白塘镇');
    await page.locator('.ant-select-tree-title:visible').filter({ hasText: /^白塘镇$/ }).click();
    await dialog.getByLabel('地点名称').fill('白塘镇农贸市场');
    await dialog.getByLabel('风险点名称').fill('农贸市场液化气使用点');
    await dialog.getByLabel('危险因素及可能导致的事故').fill('液化气泄漏，可能导致火灾爆炸');
    for (const [label, option] of [['事故发生的可能性（L）', '6 — 相当可能'], ['暴露于危险环境的频繁程度（E）', '6 — 每天工作时间内暴露'], ['发生事故可能造成的后果（C）', '15 — 非常严重，一人死亡']]) {
      await dialog.getByLabel(label).click();
      await page.locator('.ant-select-item-option:visible').filter({ hasText: option }).click();
    }
    // D = 6×6×15 = 540 > 320: 红 (重大风险).
    await dialog.getByTestId('risk-preview').getByText('D = L×E×C = 6×6×15 = 540').waitFor();
    await dialog.getByTestId('risk-preview').getByText('重大风险', { exact: false }).waitFor();
    await shot(page, 'risk-point-form.png');
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    await dialog.waitFor({ state: 'hidden' });
    // The demo county has many risk points: find the new one by name.
    await page.goto(`${server.url}/hazards/risks?q=${encodeURIComponent('农贸市场液化气')}`);
    await page.getByRole('cell', { name: '农贸市场液化气使用点' }).waitFor();
    await page.goto(`${server.url}/hazards/risk-map`);
    await page.getByTestId('risk-region').filter({ hasText: '白塘镇' }).getByText(/红 \d+/).waitFor();
    await page.getByTestId('region-map').waitFor();
    await shot(page, 'risk-map.png', true);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 90_000);

  it('turns a failed self-check item into a hazard, ticked on a phone', async () => {
    const { page, errors } = await openPage(server.browser, PHONE);
    await login(page, server.url, 'ent_demo', DEMO_PASSWORD);
    await page.goto(`${server.url}/hazards/self-check`);
    await page.getByLabel('检查表').click();
    await page.locator('.ant-select-item-option:visible').filter({ hasText: '燃气用户' }).click();
    const items = page.locator('[data-testid^=check-item-]');
    const count = await items.count();
    expect(count).toBeGreaterThan(1);
    // The first item fails, the others pass.
    for (let i = 0; i < count; i++) await items.nth(i).locator('button').filter({ hasText: i === 0 ? '不合格' : /^合格$/ }).click();
    await items.first().getByPlaceholder(/问题说明/).fill('厨房未安装可燃气体报警器');
    await shot(page, 'selfcheck-phone.png', true);
    await page.getByRole('button', { name: /提交（1 项不合格）/ }).click();
    await page.locator('.ant-modal-confirm .ant-btn-primary').click();
    await page.getByText('发现 1 项不合格').waitFor();
    await page.getByRole('button', { name: '隐患 1' }).click();
    await page.waitForURL(new RegExp(`/hazards/${UUID}$`));
    await statusIs(page, '待整改');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 90_000);
});
