// Through a real browser against the real server with the demo county: each role sees exactly its
// menu, a forbidden page says so, and a new account is created, signs in and changes its password.
import { expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { permissionsOf } from '../contracts/roles.js';
import { DEMO_PASSWORD, login, logout, menuGroups, openPage, browserSuite, SHOTS } from './browser.js';



// The menu is computed by the web's own route table. That is bundler-resolved TSX, outside this
// tsconfig's world, so it is loaded at run time (a non-literal path) and typed by what the test uses.
type VisibleGroups = (permissions: readonly string[]) => { title: string }[];
const ACCESS_MODULE = '../web/src/app/access.ts';
const { visibleGroups } = (await import(ACCESS_MODULE)) as { visibleGroups: VisibleGroups };

/** A screenshot for a person to look at (Chinese glyphs, layout), with animations finished. */
function shot(page: Page, name: string, fullPage = false) {
  return page.screenshot({ path: SHOTS + name, fullPage, animations: 'disabled' });
}

const DEMO_ACCOUNTS: [username: string, role: string][] = [
  ['admin', 'admin'], ['leader', 'leader'], ['staff', 'staff'], ['officer', 'officer'], ['town_baitang', 'town'],
  ['dept_zhujian', 'dept'], ['ent_demo', 'enterprise'], ['informant_demo', 'informant'], ['rescuer_demo', 'rescuer'],
];

browserSuite('web: roles, menu and first login', (server) => {

  it.each(DEMO_ACCOUNTS)('%s sees exactly the menu groups of role %s', async (username, role) => {
    const { page, errors } = await openPage(server.browser);
    await login(page, server.url, username, DEMO_PASSWORD);
    const expected = visibleGroups(permissionsOf([role])).map((g) => g.title);
    expect(await menuGroups(page)).toEqual(expected);
    if (username === 'admin') {
      await page.getByTestId('welcome-card').waitFor();
      await shot(page, 'home-admin.png', true);
    }
    await logout(page);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('shows 无权访问 when a role opens a page it lacks', async () => {
    const { page, errors } = await openPage(server.browser);
    await login(page, server.url, 'informant_demo', DEMO_PASSWORD);
    await page.goto(`${server.url}/system/accounts`);
    await page.getByText('无权访问').waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('creates an account whose first login is forced to change the password', async () => {
    const { page, errors } = await openPage(server.browser);
    await login(page, server.url, 'admin', DEMO_PASSWORD);
    await page.goto(`${server.url}/system/accounts`);
    await page.getByRole('button', { name: '新建账号' }).click();
    const dialog = page.getByRole('dialog');
    const username = `e2e_${Date.now().toString(36)}`;
    await dialog.getByLabel('用户名').fill(username);
    await dialog.getByLabel('姓名').fill('测试新用户');
    await dialog.getByLabel('角色').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '局机关工作人员' }).click();
    await dialog.locator('.ant-modal-title').click(); // closes the multi-select's dropdown
    await dialog.getByLabel('全部', { exact: true }).check();
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    const initialPassword = (await page.getByTestId('initial-password').innerText()).trim();
    expect(initialPassword.length).toBeGreaterThanOrEqual(8);
    await page.getByRole('button', { name: /我已记下/ }).click();
    // The demo has more accounts than a page holds: find the new one as an administrator would.
    await page.getByPlaceholder('搜索用户名或姓名').fill(username);
    await page.getByPlaceholder('搜索用户名或姓名').press('Enter');
    await page.getByRole('cell', { name: username }).waitFor();
    for (const name of ['新建账号', '账号已创建']) await page.getByRole('dialog', { name }).waitFor({ state: 'hidden' });
    await shot(page, 'accounts-admin.png', true);
    await logout(page);

    await login(page, server.url, username, initialPassword);
    expect(new URL(page.url()).pathname).toBe('/change-password');
    await page.goto(`${server.url}/system/accounts`);
    await page.waitForURL((url) => url.pathname === '/change-password');
    const newPassword = 'Qz7#mLp2$Wv9';
    await page.getByLabel('当前密码').fill(initialPassword);
    await page.getByLabel('新密码', { exact: true }).fill(newPassword);
    await page.getByLabel('确认新密码').fill(newPassword);
    await page.locator('button[type=submit]').click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByTestId('welcome-card').waitFor();
    await logout(page);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 90_000);

  it('fits a phone: the menu opens as a drawer', async () => {
    const { page, errors } = await openPage(server.browser, { width: 390, height: 844 });
    await login(page, server.url, 'staff', DEMO_PASSWORD);
    await page.getByTestId('welcome-card').waitFor();
    await shot(page, 'phone-home.png');
    await page.getByRole('button', { name: '展开或收起菜单' }).click();
    await page.getByTestId('side-menu').waitFor();
    await shot(page, 'phone-menu.png');
    await page.getByText('统计报告').click();
    await page.getByText('统计分析').click();
    // Every menu page is built now: the drawer closes on the chosen page.
    await page.waitForURL('**/reports/statistics');
    await page.getByTestId('side-menu').waitFor({ state: 'hidden' });
    await shot(page, 'phone-statistics.png');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);
});
