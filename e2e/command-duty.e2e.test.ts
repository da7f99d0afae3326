// The duty desk in a real browser against the real server with the demo county: today's shift (arranged through the
// roster API) shows who is on duty; an incident taken by someone else appears under 新接报 without a reload (server
// events); the desk and the roster look right on a desktop and on a phone.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, login, openPage, browserSuite, SHOTS } from './browser.js';

const PHONE = { width: 390, height: 844 };

async function api<T>(page: Page, base: string, method: 'get' | 'post' | 'put', path: string, data?: unknown): Promise<T> {
  const res = await page.request[method](base + path, { data, headers: { Origin: base } });
  if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
  return res.json() as Promise<T>;
}

/** Today and yesterday in Asia/Shanghai (the night shift that is on before 08:30 began yesterday). */
const shanghaiDay = (offsetDays = 0) => new Date(Date.now() + 8 * 3600_000 + offsetDays * 86400_000).toISOString().slice(0, 10);

browserSuite('值班台 (duty desk)', (env) => {
  it('shows the shift on duty and a new report arriving live', async () => {
    const { page, errors } = await openPage(env.browser);
    await login(page, env.url, 'staff', DEMO_PASSWORD);
    type P = { id: string; name: string };
    const [leader] = await api<P[]>(page, env.url, 'get', `/api/command/duty/people?q=leader`);
    const self = await api<{ id: string; displayName: string }>(page, env.url, 'get', '/api/auth/me');
    const me: P = { id: self.id, name: self.displayName };
    const slots = [shanghaiDay(-1), shanghaiDay()].flatMap((date) => ['day', 'night'].map((shift) => ({ date, shift, leaderIds: [leader.id], officerIds: [me.id] })));
    await api(page, env.url, 'put', '/api/command/duty/roster', { slots });

    await page.goto(`${env.url}/command/duty`);
    const shift = page.getByTestId('current-shift');
    await expect.poll(() => shift.innerText(), { timeout: 15_000 }).toContain(leader.name);
    expect(await shift.innerText()).toContain(me.name);
    await page.getByTestId('take-report').waitFor();
    await page.screenshot({ path: SHOTS + 'command-duty-desk.png', fullPage: true, animations: 'disabled' });

    // Someone else takes a report (another browser context, as the bureau's second desk would).
    const other = await openPage(env.browser);
    await login(other.page, env.url, 'staff', DEMO_PASSWORD);
    const title = `值班台实时测试${Date.now().toString(36)}`;
    await api(other.page, env.url, 'post', '/api/command/incidents', {
      source: 'phone', reporterName: '王村民', reporterPhone: '13900004444', occurredAt: new Date(Date.now() - 5 * 60_000).toISOString(),
      title, address: '白塘镇测试村', regionCode: '430699101000', kind: 'fire', description: '民房起火，有人员被困', trapped: 1, lng: 113.1, lat: 28.8,
    });
    const fresh = page.getByTestId('new-incidents');
    await expect.poll(() => fresh.innerText(), { timeout: 15_000 }).toContain(title);
    expect(await fresh.innerText()).toContain('初报应于');
    await other.page.context().close();

    await page.goto(`${env.url}/command/duty?tab=roster`);
    await page.getByTestId(`cell-${shanghaiDay()}-day`).waitFor();
    expect(await page.getByTestId(`cell-${shanghaiDay()}-day`).innerText()).toContain(leader.name);
    await page.screenshot({ path: SHOTS + 'command-duty-roster.png', animations: 'disabled' });
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('fits a phone', async () => {
    const { page, errors } = await openPage(env.browser, PHONE);
    await login(page, env.url, 'staff', DEMO_PASSWORD);
    await page.goto(`${env.url}/command/duty`);
    await page.getByTestId('take-report').waitFor();
    await page.getByTestId('current-shift').waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width + 1);
    await page.screenshot({ path: SHOTS + 'command-duty-phone.png', fullPage: true, animations: 'disabled' });
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('shows an incident\'s reports and its command map on the incident page', async () => {
    const { page, errors } = await openPage(env.browser);
    await login(page, env.url, 'staff', DEMO_PASSWORD);
    const list = await api<{ items: { id: string; title: string }[] }>(page, env.url, 'get', '/api/command/incidents?pageSize=50');
    const demo = list.items.find((i) => !i.title.startsWith('值班台实时测试'))!;
    await page.goto(`${env.url}/command/incidents/${demo.id}`);
    const reports = page.getByTestId('reports-panel');
    await reports.waitFor({ timeout: 20_000 });
    await expect.poll(() => reports.innerText(), { timeout: 15_000 }).toContain('初报');
    expect(await reports.innerText()).toContain('已报送');
    const map = page.getByTestId('incident-map-panel');
    await map.waitFor();
    await expect.poll(() => map.innerText(), { timeout: 15_000 }).toContain('常住人口约');
    await map.scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
    await map.screenshot({ path: SHOTS + 'command-incident-map.png', animations: 'disabled' });
    await reports.screenshot({ path: SHOTS + 'command-incident-reports.png', animations: 'disabled' });
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);
});
