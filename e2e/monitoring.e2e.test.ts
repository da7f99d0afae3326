// Through a real browser against the real server with the demo county: a device registered through the API
// posts a reading over the HTTP ingest API; the alarm it raises appears on the staff's 报警处置 page within
// moments (server events), marked 新, and is acknowledged, disposed of and closed there. Also: the sensor's
// chart with its thresholds, the sensors on the map, and a warning issued with its 叫应 board, re-sent (再次叫应) and
// imported back as CAP 1.2; a sensor registered with thresholds in the registry forms, its key issued there, and the
// alarm its reading raises acknowledged by the enterprise; a reservoir's page with its levels and charts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, login, openPage, browserSuite, SHOTS } from './browser.js';

const PHONE = { width: 390, height: 844 };

function shot(page: Page, name: string, fullPage = false) {
  return page.screenshot({ path: SHOTS + name, fullPage, animations: 'disabled' });
}

interface Made { enterpriseName: string; sensorName: string; key: string; code: string }

/** A device on an enterprise the account may see, with one level sensor (high 8 m, high-high 9 m) and a key, through the API. */
async function makeDevice(page: Page, base: string): Promise<Made> {
  const api = async <T>(method: 'get' | 'post', path: string, data?: unknown): Promise<T> => {
    const res = await page.request[method](base + path, { data, headers: { Origin: base } });
    if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
    return res.json() as Promise<T>;
  };
  const ents = await api<{ items: { id: string; name: string }[] }>('get', '/api/enterprises?pageSize=1');
  const suffix = Date.now().toString(36);
  const device = await api<{ id: string }>('post', '/api/monitoring/devices', {
    code: `E2E-${suffix}`, name: `储罐区液位计 ${suffix}`, enterpriseId: ents.items[0].id, lng: 113.12, lat: 28.78,
  });
  const sensorName = `1号储罐液位 ${suffix}`;
  await api('post', '/api/monitoring/sensors', {
    deviceId: device.id, code: 'LT101', name: sensorName, type: 'level', unit: 'm', rangeMin: 0, rangeMax: 10, low: 1, high: 8, highHigh: 9, expectedIntervalSec: 60,
  });
  const { key } = await api<{ key: string }>('post', `/api/monitoring/devices/${device.id}/key`, {});
  return { enterpriseName: ents.items[0].name, sensorName, key, code: 'LT101' };
}

/** Posts readings as the device does: over HTTP with its key. */
async function send(base: string, key: string, readings: { sensor: string; ts: number; value: number }[]) {
  const res = await fetch(`${base}/api/monitoring/readings`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': key }, body: JSON.stringify({ readings }) });
  expect(res.status).toBe(200);
  return res.json() as Promise<{ accepted: number; rejected: unknown[] }>;
}

/** A button's name as Ant Design shows it: two Chinese characters get a space between them (确 认). */
const named = (label: string) => new RegExp(`^${[...label].join('\\s?')}$`);

async function move(page: Page, label: string, fill?: () => Promise<void>) {
  await page.getByTestId('alarm-actions').getByRole('button', { name: named(label) }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: `${label}报警` });
  await dialog.waitFor();
  await fill?.();
  await dialog.getByRole('button', { name: named('提交') }).click();
  await page.locator('.ant-modal-confirm .ant-btn-primary').click();
}

browserSuite('web: monitoring (监测预警)', (server) => {

  it('shows an alarm raised over the HTTP ingest API live, and takes it through 确认, 处置 and 关闭', async () => {
    const { page, errors } = await openPage(server.browser);
    await login(page, server.url, 'staff', DEMO_PASSWORD);
    const made = await makeDevice(page, server.url);
    const now = Date.now();
    await send(server.url, made.key, [-180, -120, -60].map((s, i) => ({ sensor: made.code, ts: now + s * 1000, value: 5 + i * 0.4 })));

    await page.goto(`${server.url}/monitoring/alarms`);
    await page.getByTestId('monitoring-overview').waitFor();
    await page.getByTestId('alarm-table').locator('.ant-table-tbody').waitFor();
    // Let the page's event stream connect before the reading is sent.
    await page.waitForTimeout(800);
    const sent = Date.now();
    const result = await send(server.url, made.key, [{ sensor: made.code, ts: sent, value: 9.4 }]);
    expect(result.accepted).toBe(1);
    const row = page.getByTestId('alarm-table').locator('tr', { hasText: made.sensorName });
    await row.getByTestId('fresh-alarm').waitFor({ timeout: 5_000 });
    const latency = Date.now() - sent;
    console.log(`alarm visible on the page ${latency} ms after the reading was posted`);
    expect(latency).toBeLessThan(3_000);
    await row.getByText('二级报警').waitFor();
    await row.getByText('待确认').waitFor();
    await shot(page, 'monitoring-alarm-live.png');

    await row.getByRole('button', { name: new RegExp(made.sensorName) }).click();
    const detail = page.getByTestId('alarm-detail');
    await detail.getByText('高高限报警', { exact: false }).first().waitFor();
    await page.getByTestId('alarm-actions').waitFor();
    await shot(page, 'monitoring-alarm-drawer.png');
    await move(page, '确认', () => page.getByLabel('确认说明（选填）').fill('值班员已电话通知企业'));
    await page.locator('.ant-drawer-title').getByText('已确认').waitFor();
    await move(page, '处置', async () => {
      await page.getByRole('dialog').getByText('真实报警').click();
      await page.getByLabel('报警原因').fill('进料阀未及时关闭，液位超高');
      await page.getByLabel('处置措施').fill('关闭进料阀，倒罐至 2 号罐');
    });
    await page.locator('.ant-drawer-title').getByText('已处置').waitFor();
    await detail.getByText('关闭进料阀，倒罐至 2 号罐').waitFor();
    await shot(page, 'monitoring-alarm-disposed.png');

    // Back to normal, then closed.
    await send(server.url, made.key, [{ sensor: made.code, ts: Date.now(), value: 6.1 }]);
    await move(page, '关闭');
    await page.locator('.ant-drawer-title').getByText('已关闭').waitFor();
    const steps = await page.getByTestId('alarm-trail').locator('.ant-timeline-item strong').allInnerTexts();
    // The trail also holds the rule's own entries (报警, 恢复正常); the people's steps come in order.
    expect(steps.filter((s) => s.endsWith('报警') && s !== steps[0])).toEqual(['确认报警', '处置报警', '关闭报警']);
    expect(steps).toContain('恢复正常');
    await expect(page.getByTestId('alarm-actions').count()).resolves.toBe(0);
    await shot(page, 'monitoring-alarm-closed.png');

    // The sensor's chart: readings with the threshold lines.
    await page.goto(`${server.url}/monitoring/points?q=${encodeURIComponent(made.sensorName)}`);
    await page.getByRole('button', { name: made.sensorName }).click();
    await page.getByTestId('series-chart').waitFor();
    await page.getByText('1 小时', { exact: true }).click();
    await page.getByText(/原始数据，\d+ 个点/).waitFor();
    await expect(page.getByTestId('threshold-line').count()).resolves.toBe(3);
    await shot(page, 'monitoring-sensor-chart.png');
    await page.keyboard.press('Escape');
    await page.goto(`${server.url}/monitoring/points?display=map`);
    await page.getByTestId('region-map').waitFor();
    await page.waitForTimeout(800);
    await shot(page, 'monitoring-points-map.png');
    expect(errors).toEqual([]);
    await page.context().close();

    // On a phone: the alarm list (closed ones under 全部) and an alarm with its handling.
    const phone = await openPage(server.browser, PHONE);
    await login(phone.page, server.url, 'staff', DEMO_PASSWORD);
    await phone.page.goto(`${server.url}/monitoring/alarms?view=all`);
    await phone.page.getByRole('button', { name: new RegExp(made.sensorName) }).click();
    await phone.page.getByTestId('alarm-trail').waitFor();
    await shot(phone.page, 'monitoring-alarm-phone.png');
    expect(phone.errors).toEqual([]);
    await phone.page.context().close();
  }, 120_000);

  it('registers a sensor with thresholds and issues its key in the registry; a reading posted with that key raises an alarm the enterprise acknowledges', async () => {
    const { page, errors } = await openPage(server.browser);
    await login(page, server.url, 'staff', DEMO_PASSWORD);
    await page.goto(`${server.url}/monitoring/registry`);
    await page.getByTestId('device-table').waitFor();
    const suffix = Date.now().toString(36);
    const code = `HD-${suffix}`;

    // 登记设备 at the demo enterprise.
    await page.getByRole('button', { name: '登记设备' }).click();
    const form = page.getByRole('dialog').filter({ hasText: '登记监测设备' });
    await form.getByLabel('设备编号').fill(code);
    await form.getByLabel('设备名称').fill(`罐区监测终端 ${suffix}`);
    await form.getByLabel('企业', { exact: true }).click();
    await page.keyboard.type('恒达化工');
    // Pick with the keyboard once the search has answered (the option list is re-rendered as each character's search
    // returns, which keeps a pointer click from ever seeing it stable).
    await page.locator('.ant-select-item-option').filter({ hasText: '汨水市恒达化工有限公司' }).first().waitFor({ state: 'attached' });
    await page.keyboard.press('Enter');
    // Once an enterprise is chosen, its major hazard sources become selectable.
    await form.getByText('选择该企业的重大危险源（选填）').waitFor();
    await shot(page, 'monitoring-device-form.png');
    await form.getByRole('button', { name: named('保存') }).click();

    // The device opens; 新增测点 with thresholds.
    const drawer = page.getByTestId('device-drawer');
    await drawer.getByRole('button', { name: '新增测点' }).waitFor();
    await drawer.getByRole('button', { name: '新增测点' }).click();
    const sensorForm = page.getByRole('dialog').filter({ hasText: '新增测点' });
    const sensorName = `2号储罐液位 ${suffix}`;
    await sensorForm.getByLabel('位号').fill('LT-201');
    await sensorForm.getByLabel('测点名称').fill(sensorName);
    await sensorForm.getByLabel('量程下限').fill('0');
    await sensorForm.getByLabel('量程上限').fill('10');
    await sensorForm.getByLabel('高限（一级）').fill('8');
    await sensorForm.getByLabel('高高限（二级）').fill('9');
    await sensorForm.getByLabel('回差').fill('0.2');
    await shot(page, 'monitoring-sensor-form.png');
    await sensorForm.getByRole('button', { name: named('保存') }).click();
    await drawer.getByTestId('device-sensors').getByText(sensorName).waitFor();
    await drawer.getByTestId('device-sensors').getByText('— / — / 8 / 9 m').waitFor();

    // 签发密钥: shown once, with a warning and a copy button.
    await drawer.getByRole('button', { name: '签发密钥' }).click();
    const keyDialog = page.getByRole('dialog').filter({ hasText: '密钥只显示这一次' });
    await keyDialog.waitFor();
    const key = (await keyDialog.getByTestId('device-key-value').innerText()).trim();
    expect(key.length).toBeGreaterThan(20);
    await expect(keyDialog.getByRole('button', { name: /复制|Copy/ }).count()).resolves.toBeGreaterThan(0);
    await shot(page, 'monitoring-device-key.png');
    await keyDialog.getByRole('button', { name: '我已妥善保存' }).click();
    await drawer.getByText('已签发密钥').waitFor();
    await shot(page, 'monitoring-device-drawer.png');
    expect(errors).toEqual([]);
    await page.context().close();

    // The device posts a reading over HTTP with that key: above 高高限.
    const result = await send(server.url, key, [{ sensor: 'LT-201', ts: Date.now(), value: 9.5 }]);
    expect(result.accepted).toBe(1);

    // The enterprise sees the alarm on 报警处置 and acknowledges it (monitoring:handle, its own enterprise).
    const ent = await openPage(server.browser);
    await login(ent.page, server.url, 'ent_demo', DEMO_PASSWORD);
    await ent.page.goto(`${server.url}/monitoring/alarms`);
    const row = ent.page.getByTestId('alarm-table').locator('tr', { hasText: sensorName });
    await row.getByText('二级报警').waitFor();
    await row.getByText('待确认').waitFor();
    await row.getByRole('button', { name: new RegExp(sensorName) }).click();
    await move(ent.page, '确认', () => ent.page.getByLabel('确认说明（选填）').fill('中控室已关闭进料阀'));
    await ent.page.locator('.ant-drawer-title').getByText('已确认').waitFor();
    await shot(ent.page, 'monitoring-alarm-enterprise-ack.png');
    // The registry is read-only for the enterprise.
    await ent.page.goto(`${server.url}/monitoring/registry`);
    await ent.page.getByTestId('device-table').waitFor();
    await expect(ent.page.getByRole('button', { name: '登记设备' }).count()).resolves.toBe(0);
    expect(ent.errors).toEqual([]);
    await ent.page.context().close();
  }, 180_000);

  it('shows a reservoir with its characteristic levels, sensors and charts, on a desktop and a phone', async () => {
    for (const [viewport, name] of [[undefined, 'monitoring-facility.png'], [PHONE, 'monitoring-facility-phone.png']] as const) {
      const { page, errors } = await openPage(server.browser, viewport);
      await login(page, server.url, 'staff', DEMO_PASSWORD);
      await page.goto(`${server.url}/monitoring/registry?tab=facilities`);
      await page.getByTestId('facility-table').getByRole('link', { name: /水库$/ }).first().waitFor();
      await shot(page, name.replace('facility', 'registry'));
      await page.getByTestId('facility-table').getByRole('link', { name: /水库$/ }).first().click();
      await page.getByTestId('facility-info').getByText('汛限水位', { exact: false }).waitFor();
      await page.getByTestId('facility-charts').getByTestId('series-chart').first().waitFor();
      await page.waitForTimeout(500);
      await shot(page, name, true);
      expect(errors).toEqual([]);
      await page.context().close();
    }
  }, 120_000);

  it('issues a warning to a town and shows who has confirmed it (叫应)', async () => {
    const { page, errors } = await openPage(server.browser);
    await login(page, server.url, 'staff', DEMO_PASSWORD);
    await page.goto(`${server.url}/monitoring/warnings`);
    await page.getByRole('button', { name: '发布预警' }).click();
    const dialog = page.getByRole('dialog');
    const headline = `白塘镇暴雨橙色预警 ${Date.now().toString(36)}`;
    await dialog.getByLabel('预警事件').fill('暴雨');
    await dialog.getByText('橙色', { exact: true }).click();
    await dialog.getByLabel('标题').fill(headline);
    await dialog.getByLabel('预警区域').click();
    await page.keyboard.type('白塘镇');
    await page.locator('.ant-select-tree-title:visible').filter({ hasText: /^白塘镇$/ }).click();
    await page.keyboard.press('Escape');
    await dialog.getByLabel('预警内容').fill('预计未来 12 小时内白塘镇将出现 50 毫米以上降雨。');
    await dialog.getByLabel('防御指南').fill('危险区域人员及时转移；加强山洪沟、水库下游巡查。');
    await shot(page, 'monitoring-warning-form.png');
    await dialog.getByRole('button', { name: named('发布') }).click();
    await page.locator('.ant-modal-confirm .ant-btn-primary').click();
    await page.waitForURL(/\/monitoring\/warnings\/[0-9a-f-]{36}$/);
    const board = page.getByTestId('ack-board');
    await board.waitFor();
    const warningUrl = page.url();

    // A town leader confirms it from a phone.
    const town = await openPage(server.browser, PHONE);
    await login(town.page, server.url, 'town_baitang', DEMO_PASSWORD);
    await town.page.goto(warningUrl);
    await town.page.getByRole('button', { name: '确认收到' }).click();
    await town.page.getByText('已确认收到').waitFor();
    await shot(town.page, 'monitoring-warning-phone.png', true);

    await page.reload();
    await board.getByText(/已确认 [1-9]/).click();
    await board.getByText('已确认 20', { exact: false }).first().waitFor();
    await shot(page, 'monitoring-warning-ack.png', true);

    // 再次叫应 to those who have not confirmed.
    await page.getByRole('button', { name: /^再次叫应（\d+）$/ }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '再次叫应' }).click();
    await page.getByText(/已再次叫应 \d+ 人/).waitFor();

    // The same warning as a neighbour's CAP 1.2 file: imported through the dialog (file → preview → draft).
    const cap = await (await page.request.get(`${server.url}/api/monitoring/warnings/${warningUrl.split('/').pop()}/cap`)).text();
    const file = path.join(os.tmpdir(), `cap-${Date.now()}.xml`);
    fs.writeFileSync(file, cap.replaceAll('yingji-430699', 'qxj-430699').replace(headline, `导入：${headline}`));
    await page.goto(`${server.url}/monitoring/warnings`);
    await page.getByRole('button', { name: '导入 CAP' }).click();
    const importer = page.getByRole('dialog').filter({ hasText: '导入 CAP 1.2 预警' });
    await importer.locator('input[type=file]').setInputFiles(file);
    await importer.getByTestId('cap-preview').getByText(`导入：${headline}`).waitFor();
    await shot(page, 'monitoring-cap-import.png');
    await importer.getByRole('button', { name: '保存为草稿' }).click();
    await page.waitForURL(/\/monitoring\/warnings\/[0-9a-f-]{36}$/);
    await page.getByText('导入（CAP）').waitFor();
    fs.rmSync(file);
    expect(errors).toEqual([]);
    expect(town.errors).toEqual([]);
    await town.page.context().close();
    await page.context().close();
  }, 120_000);
});
