// Browser-test helpers: launch Debian's Chromium, sign in and out through the UI, collect page errors.
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe } from 'vitest';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const DEMO_PASSWORD = 'Yingji@2026';

/** Why the browser tests cannot run here, or null when they can. */
export function skipReason(): string | null {
  if (process.env.TEST_DATABASE_URL) return '浏览器测试已跳过：设置了 TEST_DATABASE_URL，浏览器测试只在 PGlite 那一轮运行。';
  if (!existsSync(CHROMIUM)) return `浏览器测试已跳过：未找到 Chromium（${CHROMIUM}）。安装方法：apt-get install -y chromium`;
  return null;
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

/** A new page that records uncaught errors and failed API calls other than the expected 401s. */
export async function openPage(browser: Browser, viewport = { width: 1366, height: 860 }): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('response', (res) => {
    if (res.url().includes('/api/') && res.status() >= 500) errors.push(`${res.status()} ${res.url()}`);
  });
  return { page, errors };
}

export async function login(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByPlaceholder('用户名').fill(username);
  await page.getByPlaceholder('密码').fill(password);
  await page.locator('button[type=submit]').click();
  // Either the app opens, or the login page shows the server's refusal: fail with that message.
  await page.waitForFunction(() => location.pathname !== '/login' || document.querySelector('[data-testid=login-error]'));
  const refusal = page.getByTestId('login-error');
  if (await refusal.isVisible()) throw new Error(`${username} 登录失败：${await refusal.innerText()}`);
}

export async function logout(page: Page): Promise<void> {
  await page.getByTestId('account-menu').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await page.waitForURL((url) => url.pathname === '/login');
}

/** The group titles of the side menu, in order. */
export async function menuGroups(page: Page): Promise<string[]> {
  const titles = page.getByTestId('side-menu').locator('.ant-menu-submenu-title');
  await titles.first().waitFor();
  return (await titles.allInnerTexts()).map((t) => t.trim());
}

/**
 * Picks an option of an Ant Design select by clicking `field`, typing part of the option's label and clicking the
 * option, then waits for the list to close on it. A click that lands while the list re-renders (its options arriving
 * from the server as the text is typed) selects nothing and leaves the list open over the form's buttons; the click
 * is then repeated, up to three times.
 */
export async function chooseOption(page: Page, field: Locator, text: string): Promise<void> {
  await field.click();
  await page.keyboard.type(text);
  const open = page.locator('.ant-select-dropdown:visible');
  const option = open.locator('.ant-select-item-option').filter({ hasText: text }).first();
  for (let attempt = 1; ; attempt++) {
    await option.click();
    try {
      await open.waitFor({ state: 'hidden', timeout: 3_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/**
 * Clicks `date` (YYYY-MM-DD) in the date picker that is opening: waits for it to be open (it animates in; looking
 * before that paged months blindly), pages to the date's month by reading the panel's header, then clicks the day.
 */
export async function pickDay(page: Page, date: string): Promise<void> {
  const dropdown = page.locator('.ant-picker-dropdown:visible').first();
  await dropdown.waitFor();
  const [y, m] = date.split('-').map(Number);
  const header = dropdown.locator('.ant-picker-date-panel .ant-picker-header-view').first();
  for (let i = 0; i < 36; i++) {
    const text = await header.innerText();
    const shown = /(\d{4})年\s*(\d{1,2})月/.exec(text);
    if (!shown) throw new Error(`日期选择器的标题读不出年月：${text}`);
    const diff = (y - Number(shown[1])) * 12 + (m - Number(shown[2]));
    if (diff >= 0 && diff < await dropdown.locator('.ant-picker-date-panel').count()) break; // a range picker shows two months
    await dropdown.locator(diff < 0 ? '.ant-picker-header-prev-btn:visible' : '.ant-picker-header-next-btn:visible').first().click();
    await dropdown.locator('.ant-picker-date-panel .ant-picker-header-view').first().filter({ hasNotText: text }).waitFor();
  }
  await dropdown.locator(`td.ant-picker-cell-in-view[title="${date}"]`).first().click();
}

/** Where the suites write the screenshots a person looks at. */
export const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

/** What a browser suite's tests use: the real server's address and one Chromium. */
export interface BrowserEnv { readonly url: string; readonly browser: Browser }

/**
 * The one set-up of a browser suite: a real server over a clone of the demo county and one Chromium,
 * closed afterwards; skipped, saying why, where browser tests do not run.
 */
export function browserSuite(title: string, body: (env: BrowserEnv) => void): void {
  const reason = skipReason();
  if (reason) console.warn(reason);
  (reason ? describe.skip : describe)(title, () => {
    let server: { url: string; close(): Promise<void> } | undefined;
    let browser: Browser | undefined;
    beforeAll(async () => {
      const { startTestServer } = await import('../server/testing/server.js');
      server = await startTestServer();
      browser = await launch();
      mkdirSync(SHOTS, { recursive: true });
    }, 180_000);
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });
    body({ get url() { return server!.url; }, get browser() { return browser!; } });
  });
}
