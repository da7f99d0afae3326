// Through a real browser against the real server with the demo county: an officer draws units at random (双随机),
// publishes the draw, inspects the drawn unit on a phone with two certified officers, records a finding that becomes a
// hazard in one step, completes with the unit's signature, issues 责令限期整改指令书, downloads it as Word, registers its
// 送达 with a photo of the signed receipt and orders equipment out of use (强制措施). Then,
// without an account: the public draw page recomputes the draw, and a tip-off is filed and tracked by its code.
import { expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, login, openPage, browserSuite, SHOTS } from './browser.js';

const PHONE = { width: 390, height: 844 };
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

function shot(page: Page, name: string, fullPage = false) {
  return page.screenshot({ path: SHOTS + name, fullPage, animations: 'disabled' });
}

async function photo(browser: Browser, colour: string, label: string): Promise<{ name: string; mimeType: string; buffer: Buffer }> {
  const { page } = await openPage(browser, { width: 320, height: 240 });
  await page.setContent(`<div style="width:320px;height:240px;background:${colour};color:#fff;font:32px sans-serif;display:flex;align-items:center;justify-content:center">${label}</div>`);
  const buffer = await page.screenshot();
  await page.context().close();
  return { name: `${label}.png`, mimeType: 'image/png', buffer };
}

/** Answers the confirmation a workflow move asks for. */
async function confirmMove(page: Page): Promise<void> {
  await page.locator('.ant-modal-confirm .ant-btn-primary').click();
}

browserSuite('web: enforcement (行政执法)', (server) => {

  it('draws, inspects on a phone with two officers, turns a finding into a hazard, issues and downloads 责令限期整改指令书', async () => {
    const seed = `e2e-${Date.now().toString(36)}-seed`;
    const finding = `消防通道堆放杂物 ${Date.now().toString(36)}`;

    // 1. 双随机: an officer draws one unit from the fireworks sector with a published seed.
    const desk = await openPage(server.browser);
    await login(desk.page, server.url, 'officer', DEMO_PASSWORD);
    await desk.page.goto(`${server.url}/enforcement/draws`);
    await desk.page.getByRole('button', { name: '新建抽查' }).click();
    const dialog = desk.page.getByRole('dialog');
    await dialog.getByLabel('抽取单位数').fill('1');
    await dialog.getByLabel('随机种子').fill(seed);
    await dialog.getByLabel('种子来源说明').fill('浏览器测试');
    await dialog.getByTestId('pool-preview').getByText('名录库单位').waitFor();
    await shot(desk.page, 'enforcement-draw-form.png');
    await dialog.getByRole('button', { name: '抽 取' }).or(dialog.getByRole('button', { name: '抽取' })).click();
    await desk.page.waitForURL(new RegExp(`/enforcement/draws/${UUID}$`));
    const drawId = desk.page.url().split('/').pop()!;
    await expect(desk.page.getByTestId('draw-seed').innerText()).resolves.toContain(seed);
    await desk.page.getByRole('button', { name: '公示结果' }).click();
    await desk.page.locator('.ant-popconfirm .ant-btn-primary').click();
    await desk.page.getByText('已公示', { exact: true }).waitFor();
    await shot(desk.page, 'enforcement-draw-detail.png', true);

    // 2. The drawn unit's inspection starts from the result, with the drawn officers.
    await desk.page.getByTestId('draw-result').getByRole('button', { name: '开始检查' }).click();
    await desk.page.waitForURL(new RegExp(`/enforcement/inspections/${UUID}$`));
    const inspectionUrl = desk.page.url();

    // 3. On site, on a phone: two officers with their 执法证号, a finding with a photo → a hazard.
    const phone = await openPage(server.browser, PHONE);
    await login(phone.page, server.url, 'officer', DEMO_PASSWORD);
    await phone.page.goto(inspectionUrl);
    const officers = phone.page.getByTestId('inspection-officers');
    await officers.getByText('执法证号', { exact: false }).first().waitFor();
    expect(await officers.getByText(/执法证号 /).count()).toBeGreaterThanOrEqual(2);
    await shot(phone.page, 'enforcement-inspection-phone.png', true);
    await phone.page.getByRole('button', { name: /记录问题/ }).click();
    const record = phone.page.getByRole('dialog');
    await record.getByLabel('问题简述').fill(finding);
    await record.getByLabel('违反的规定').fill('《中华人民共和国消防法》第二十八条');
    await record.getByTestId('finding-photos-album').setInputFiles(await photo(server.browser, '#c0392b', '通道堵塞'));
    await record.locator('img[alt=现场照片]').waitFor();
    await shot(phone.page, 'enforcement-finding-phone.png');
    await record.getByRole('button', { name: '保存并转为隐患' }).click();
    const hazardLink = phone.page.getByTestId('findings').getByRole('link', { name: /^隐患 / });
    await hazardLink.waitFor();
    await phone.page.getByTestId('findings').getByText(finding).waitFor();

    // 4. 完成检查 with the responsible person's signature written on the screen.
    await phone.page.getByRole('button', { name: /完成检查/ }).click();
    const complete = phone.page.getByRole('dialog');
    await complete.getByLabel('签名人').fill('易勤');
    const pad = complete.getByTestId('signature-pad');
    // The dialog zooms in: take the pad's box once it has stopped moving, or the strokes miss the canvas.
    let box = (await pad.boundingBox())!;
    for (let i = 0; i < 50; i++) {
      await phone.page.waitForTimeout(100);
      const next = (await pad.boundingBox())!;
      if (next.x === box.x && next.y === box.y && next.width === box.width) break;
      box = next;
    }
    await phone.page.mouse.move(box.x + 30, box.y + 100);
    await phone.page.mouse.down();
    for (const [dx, dy] of [[60, -50], [110, 30], [170, -40], [230, 20]]) await phone.page.mouse.move(box.x + dx, box.y + 100 + dy, { steps: 5 });
    await phone.page.mouse.up();
    await complete.getByRole('button', { name: '确认签名' }).click();
    await complete.locator('img[alt=签名]').waitFor();
    await shot(phone.page, 'enforcement-complete-phone.png');
    await complete.locator('.ant-modal-footer .ant-btn-primary').click();
    await phone.page.getByText('已完成', { exact: true }).first().waitFor();

    // 5. 责令限期整改指令书, filled from the findings, downloaded as Word.
    await phone.page.getByRole('button', { name: /开具责令限期整改指令书/ }).click();
    const order = phone.page.getByRole('dialog');
    await expect(order.getByLabel('存在的问题（每行一条）').inputValue()).resolves.toContain(finding);
    await order.locator('.ant-modal-footer .ant-btn-primary').click();
    const doc = phone.page.getByTestId('documents').locator('.ant-list-item', { hasText: '责令限期整改指令书' });
    await doc.waitFor();
    await shot(phone.page, 'enforcement-documents-phone.png', true);
    const [download] = await Promise.all([phone.page.waitForEvent('download'), doc.getByRole('button', { name: /下载 Word/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^责令限期整改指令书.*\.docx$/);

    // 6. 送达: the order is handed to the unit; the signed receipt is photographed and a 送达回执 is made.
    await doc.getByTestId('serve-document').click();
    const service = phone.page.getByRole('dialog', { name: /登记送达/ });
    await service.getByLabel('受送达人').fill('易勤');
    await service.getByTestId('service-photo-album').setInputFiles(await photo(server.browser, '#2c3e50', '签收回执'));
    await service.locator('img[alt=现场照片]').waitFor();
    await shot(phone.page, 'enforcement-service-phone.png');
    await service.locator('.ant-modal-footer .ant-btn-primary').click();
    await confirmMove(phone.page);
    await doc.getByTestId('document-served').getByText(/直接送达 .* 易勤/).waitFor();
    await phone.page.getByTestId('documents').locator('.ant-list-item', { hasText: '送达回执' }).waitFor();

    // 7. 强制措施: the broken equipment is ordered out of use on the spot; its 现场处理措施决定书 follows.
    await phone.page.getByTestId('take-measure').click();
    const measure = phone.page.getByRole('dialog', { name: '采取强制措施' });
    await measure.getByLabel('措施种类').click();
    await phone.page.locator('.ant-select-item-option', { hasText: '停止使用相关设施' }).click();
    await measure.getByLabel('事实和理由').fill('消防通道堵塞且应急照明损坏，责令停止使用二号仓库');
    await measure.getByLabel('法律依据').fill('《中华人民共和国安全生产法》第七十条');
    await measure.locator('.ant-modal-footer .ant-btn-primary').click();
    await confirmMove(phone.page);
    const measures = phone.page.getByTestId('measures');
    await measures.getByText('责令停止使用相关设施、设备').waitFor();
    await measures.getByText('执行中').waitFor();
    await phone.page.getByTestId('documents').locator('.ant-list-item', { hasText: '现场处理措施决定书' }).waitFor();
    await shot(phone.page, 'enforcement-measure-phone.png', true);

    // 8. The finding is a hazard of the hazard register, reached from the inspection.
    await hazardLink.click();
    await phone.page.waitForURL(new RegExp(`/hazards/${UUID}$`));
    await phone.page.getByText(finding).first().waitFor();
    await shot(phone.page, 'enforcement-hazard-phone.png', true);

    // 9. Without an account: the published draw, recomputed from its seed and pool.
    const anon = await openPage(server.browser);
    await anon.page.goto(`${server.url}/public/draws/${drawId}`);
    await expect(anon.page.getByTestId('public-seed').innerText()).resolves.toContain(seed);
    await anon.page.getByRole('button', { name: '按公示数据复算核对' }).click();
    await anon.page.getByText('复算结果一致').waitFor();
    await shot(anon.page, 'enforcement-public-draw.png', true);

    expect([...desk.errors, ...phone.errors, ...anon.errors]).toEqual([]);
  }, 240_000);

  it('takes a tip-off without an account and shows its progress by the tracking code only', async () => {
    const anon = await openPage(server.browser, PHONE);
    const staff = await openPage(server.browser);
    await login(staff.page, server.url, 'officer', DEMO_PASSWORD);

    await anon.page.goto(`${server.url}/public/tipoffs`);
    await anon.page.getByLabel('被举报单位或场所').fill('城关镇某烟花爆竹零售点');
    // The towns come from the public region list: type part of the name and pick it.
    await anon.page.getByLabel('所在区域').fill('白塘');
    await anon.page.locator('.ant-select-item-option', { hasText: '白塘镇' }).click();
    await anon.page.getByLabel('举报内容').fill('店内超量储存烟花爆竹，且在居民楼一层经营，存在重大安全隐患。');
    await shot(anon.page, 'enforcement-tipoff-public-phone.png', true);
    await anon.page.getByRole('button', { name: '提交举报' }).click();
    const code = await anon.page.getByTestId('tracking-code').innerText({ timeout: 60_000 });
    await shot(anon.page, 'enforcement-tipoff-receipt-phone.png', true);

    await anon.page.getByText('查询办理结果').click();
    await anon.page.getByTestId('track-input').locator('input').fill(code.trim());
    await anon.page.getByRole('button', { name: /查\s*询/ }).click();
    await anon.page.getByText('已受理', { exact: true }).waitFor();
    await shot(anon.page, 'enforcement-tipoff-track-phone.png', true);

    // The bureau sees it in the register.
    await staff.page.goto(`${server.url}/enforcement/tipoffs`);
    await staff.page.getByText('城关镇某烟花爆竹零售点').first().waitFor();
    await shot(staff.page, 'enforcement-tipoffs-desktop.png');
    expect([...anon.errors, ...staff.errors]).toEqual([]);
  }, 180_000);
});
