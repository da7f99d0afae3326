// Through a real browser against the real server with the demo county: a leader opens 一张图, switches layers on and off
// and sees the points on the map change with them, moves the time window to 2022 and sees that year's incidents;
// then opens the wall (大屏) and sees an alarm raised over the HTTP ingest API, and an incident taken at the desk, appear
// there without a reload.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, login, openPage, browserSuite, SHOTS } from './browser.js';

const shot = (page: Page, name: string) => page.screenshot({ path: SHOTS + name, animations: 'disabled' });

/** How many points the map shows, as the switcher says it. */
async function shown(page: Page): Promise<number> {
  await page.waitForFunction(() => !/加载中/.test(document.querySelector('[data-testid=shown-points]')?.textContent ?? '加载中'));
  const text = await page.getByTestId('shown-points').innerText();
  return Number(/(\d+)/.exec(text)![1]);
}

/** Wait until the shown count differs from `before`, and return it. */
async function shownChange(page: Page, before: number): Promise<number> {
  await page.waitForFunction((b) => {
    const t = document.querySelector('[data-testid=shown-points]')?.textContent ?? '';
    return !/加载中/.test(t) && Number(/(\d+)/.exec(t)?.[1]) !== b;
  }, before, { timeout: 15_000 });
  return shown(page);
}

browserSuite('web: 一张图 and the wall (大屏)', (server) => {
  it('switches layers on and off, with the points and counts changing, and moves the time window', async () => {
    const { page, errors } = await openPage(server.browser, { width: 1600, height: 900 });
    await login(page, server.url, 'leader', DEMO_PASSWORD);
    await page.goto(`${server.url}/dashboard/map`);
    const switcher = page.getByTestId('layer-switcher');
    await switcher.getByText('预警区域').waitFor();
    await page.getByTestId('count-enterprises').waitFor();
    const withEnterprises = await shown(page);
    expect(withEnterprises).toBeGreaterThan(1000);
    await page.getByTestId('region-map').locator('.yj-map-cluster').first().waitFor();
    await shot(page, 'situation-map.png');

    // Enterprises off: far fewer points; shelters on: more again; the counts stand beside the layers.
    await switcher.locator('[data-layer=enterprises]').click();
    const without = await shownChange(page, withEnterprises);
    expect(without).toBeLessThan(withEnterprises);
    await switcher.locator('[data-layer=shelters]').click();
    await page.getByTestId('count-shelters').waitFor();
    const withShelters = await shownChange(page, without);
    expect(withShelters).toBeGreaterThan(without);
    expect(withShelters - without).toBe(Number(/(\d+)/.exec(await page.getByTestId('count-shelters').innerText())![1]));
    await page.getByTestId('map-legend').getByText(/避难场所/).first().waitFor();

    // The time window (kept in the link): 2022's incidents, the demo's three, appear on the map.
    await page.goto(`${server.url}/dashboard/map?from=2022-01-01&to=2022-12-31`);
    await page.getByTestId('count-incidents').filter({ hasText: '（3）' }).waitFor({ timeout: 30_000 });
    await page.getByTestId('time-control').locator('.ant-slider').waitFor();
    // Dense places are drawn as clusters.
    const clusters = await page.getByTestId('region-map').locator('.yj-map-cluster').count();
    expect(clusters).toBeGreaterThan(0);
    await shot(page, 'situation-map-2022.png');
    expect(errors).toEqual([]);
  }, 240_000);

  it('shows a new alarm and a new incident on the wall without a reload', async () => {
    const { page, errors } = await openPage(server.browser, { width: 1600, height: 900 });
    await login(page, server.url, 'leader', DEMO_PASSWORD);
    // The wall: figures, then a reading over the high-high limit raises an alarm that shows without a reload.
    await page.goto(`${server.url}/dashboard/wall`);
    const alarmsFigure = page.getByTestId('wall-figure-alarms');
    await alarmsFigure.getByText(/\d+条/).waitFor();
    const before = Number(/(\d+)/.exec(await alarmsFigure.innerText())![1]);
    await page.getByTestId('wall-figure-duty').waitFor();
    await page.waitForTimeout(1000); // the event stream connects

    const staff = await openPage(server.browser);
    await login(staff.page, server.url, 'staff', DEMO_PASSWORD);
    const api = async <T>(method: 'get' | 'post', path: string, data?: unknown): Promise<T> => {
      const res = await staff.page.request[method](server.url + path, { data, headers: { Origin: server.url } });
      if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
      return res.json() as Promise<T>;
    };
    const suffix = Date.now().toString(36);
    const device = await api<{ id: string }>('post', '/api/monitoring/devices', { code: `WALL-${suffix}`, name: `大屏测试液位计 ${suffix}`, placeName: '白塘镇水库坝前',
      regionCode: '430699101000', lng: 113.1, lat: 28.82 });
    await api('post', '/api/monitoring/sensors', { deviceId: device.id, code: 'LT1', name: '坝前水位', type: 'level', unit: 'm', rangeMin: 0, rangeMax: 10, high: 8, highHigh: 9,
      expectedIntervalSec: 60 });
    const { key } = await api<{ key: string }>('post', `/api/monitoring/devices/${device.id}/key`, {});
    const sent = Date.now();
    const res = await fetch(`${server.url}/api/monitoring/readings`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': key },
      body: JSON.stringify({ readings: [{ sensor: 'LT1', ts: sent, value: 9.5 }] }) });
    expect(res.status).toBe(200);
    await page.getByTestId('wall-news').getByText(/新报警/).waitFor({ timeout: 10_000 });
    await page.waitForFunction((b) => Number(/(\d+)/.exec(document.querySelector('[data-testid=wall-figure-alarms]')?.textContent ?? '')?.[1]) === b + 1, before, { timeout: 10_000 });
    console.log(`alarm on the wall ${Date.now() - sent} ms after the reading was posted`);
    await page.getByTestId('wall-alarms').getByText(`大屏测试液位计 ${suffix}`).first().waitFor(); // the row names the device in its title and its place line

    // An incident taken at the duty desk shows on the wall as well.
    const incidentsBefore = Number(/(\d+)/.exec(await page.getByTestId('wall-figure-incidents').innerText())![1]);
    await api('post', '/api/command/incidents', { source: 'phone', reporterName: '李报告', reporterPhone: '13900002222', occurredAt: new Date(Date.now() - 5 * 60_000).toISOString(),
      address: '白塘镇水库坝前', regionCode: '430699101000', kind: 'flood', title: `白塘镇水库坝前险情 ${suffix}`, description: '坝前水位超过设计洪水位，坝脚渗水', lng: 113.1, lat: 28.82 });
    await page.getByTestId('wall-incidents').getByText(`白塘镇水库坝前险情 ${suffix}`).waitFor({ timeout: 10_000 });
    await page.getByTestId('wall-news').getByText(/新接报事件/).waitFor();
    expect(Number(/(\d+)/.exec(await page.getByTestId('wall-figure-incidents').innerText())![1])).toBe(incidentsBefore + 1);
    await page.waitForTimeout(400);
    await shot(page, 'situation-wall.png');
    expect(errors).toEqual([]);
    expect(staff.errors).toEqual([]);
  }, 240_000);
});
