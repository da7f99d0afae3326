// Through a real browser against the real server with the demo county: the bureau starts a supervision campaign and
// assigns a task to 白塘镇; the town, on a phone, answers it with an attachment; the bureau sees the feedback and
// downloads the campaign's report as Word.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, login, openPage, browserSuite, pickDay, SHOTS } from './browser.js';

const PHONE = { width: 390, height: 844 };
const shot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: SHOTS + name, fullPage, animations: 'disabled' });
const shanghaiDay = (days = 0) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + days * 86_400_000));

browserSuite('web: supervision (督查督办)', (server) => {
  it('starts a campaign, assigns a task to a town, the town answers with an attachment, the report downloads', async () => {
    const title = `暗访督查 ${Date.now().toString(36)}`;
    const { page, errors } = await openPage(server.browser);
    await login(page, server.url, 'staff', DEMO_PASSWORD);

    // 1. The bureau starts a campaign.
    await page.goto(`${server.url}/responsibility/supervision`);
    await page.locator('.ant-table-row').first().waitFor();
    await shot(page, 'supervision-campaigns.png');
    await page.getByRole('button', { name: '发起督查' }).click();
    const form = page.getByRole('dialog', { name: '发起督查' });
    await form.getByLabel('名称').fill(title);
    await form.getByLabel('督查时间').click();
    await pickDay(page, shanghaiDay());
    await pickDay(page, shanghaiDay(10));
    await form.getByLabel('督查范围').fill('白塘镇人员密集场所');
    await form.getByLabel('督查组').fill('第一暗访组');
    await form.locator('.ant-modal-footer .ant-btn-primary').click();

    // 2. Its drawer opens; assign a task to 白塘镇人民政府.
    const drawer = page.locator('.ant-drawer', { hasText: title });
    await drawer.getByRole('button', { name: '交办' }).click();
    const assign = page.getByRole('dialog', { name: '交办督办事项' });
    await assign.getByPlaceholder('督办事项').fill('整改消防通道堵塞问题');
    await assign.locator('.ant-select').click();
    await page.keyboard.type('白塘镇人民政府');
    await page.locator('.ant-select-item-option', { hasText: '白塘镇人民政府' }).click();
    await assign.getByPlaceholder('反馈期限').click();
    await pickDay(page, shanghaiDay(5));
    await assign.locator('.ant-modal-footer .ant-btn-primary').click();
    await drawer.getByText('整改消防通道堵塞问题').waitFor();
    await drawer.getByText('待反馈').first().waitFor();

    // 3. The town answers on a phone, with an attachment.
    const phone = await openPage(server.browser, PHONE);
    await login(phone.page, server.url, 'town_baitang', DEMO_PASSWORD);
    await phone.page.goto(`${server.url}/responsibility/supervision?q=整改消防通道堵塞问题`);
    // This run's task (a retry of the test adds another of the same name under a new campaign).
    const row = phone.page.locator('.ant-table-row', { hasText: '整改消防通道堵塞问题' }).filter({ hasText: title });
    await row.waitFor();
    await shot(phone.page, 'supervision-tasks-phone.png');
    await row.getByRole('button', { name: /^反\s*馈$/ }).click();
    const fb = phone.page.getByRole('dialog');
    await fb.getByLabel('办理情况').fill('已清理消防通道，约谈场所负责人');
    await fb.getByTestId('attachments').setInputFiles({ name: '整改照片.png', mimeType: 'image/png', buffer: Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(64, 7)]) });
    await fb.getByText('整改照片.png').waitFor();
    await shot(phone.page, 'supervision-feedback-phone.png');
    await fb.getByRole('button', { name: '提交反馈' }).click();
    await row.getByText('已反馈').waitFor();

    // 4. The bureau sees the feedback and downloads the report.
    await page.reload();
    await page.locator('.ant-table-row', { hasText: title }).click();
    const again = page.locator('.ant-drawer', { hasText: title });
    await again.getByText('已清理消防通道，约谈场所负责人').waitFor();
    await shot(page, 'supervision-campaign.png');
    const [download] = await Promise.all([page.waitForEvent('download'), again.getByRole('button', { name: /督查通报/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^督查〔\d{4}〕\d+号.*\.docx$/);

    // 5. The other responsibility pages as the bureau and the town see them: letters at a glance, committees, lists.
    await page.goto(`${server.url}/responsibility/pledges`);
    await page.getByText('2022 年签订情况：已签 51').waitFor();
    await page.getByText('未签订：').waitFor();
    await shot(page, 'pledges.png');
    // A letter is corrected after registration (confirmation before delete is the same row's other button).
    await page.goto(`${server.url}/responsibility/pledges?signerKind=town&q=${encodeURIComponent('白塘镇')}`);
    const letter = page.locator('.ant-table-row', { hasText: '白塘镇人民政府' });
    await letter.getByRole('button', { name: /修\s*改/ }).click();
    const edit = page.locator('.ant-modal:visible');
    // The form fills in the letter's values after it opens: saving before that is refused for the empty required fields.
    await expect.poll(() => edit.getByLabel('目标任务').inputValue()).not.toBe('');
    await edit.getByLabel('目标任务').fill('全年不发生较大及以上生产安全事故；镇村两级安全网格全覆盖（已修订）');
    await edit.getByRole('button', { name: /保\s*存/ }).click();
    await page.locator('.ant-message').getByText('责任状已修改').waitFor();
    await page.goto(`${server.url}/responsibility/committee`);
    await page.locator('.ant-table-row', { hasText: '道路交通安全专业委员会' }).click();
    await page.locator('.ant-drawer').getByText('汨水市公安局').first().waitFor();
    await shot(page, 'committee.png');
    await phone.page.goto(`${server.url}/responsibility/pledges`);
    await phone.page.locator('.ant-table-row', { hasText: '白塘镇人民政府' }).waitFor();
    await shot(phone.page, 'pledges-phone.png');
    await phone.page.goto(`${server.url}/responsibility/lists`);
    await phone.page.locator('.ant-table-row').first().waitFor();
    await shot(phone.page, 'lists-phone.png');
    expect(errors).toEqual([]);
    expect(phone.errors).toEqual([]);
  }, 180_000);
});
