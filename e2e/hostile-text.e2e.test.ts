// Stored text is shown as text: a record named with HTML and script is listed and opened in the browser, and
// nothing of it runs (no dialog, no injected element, no global set by an onerror handler).
import { expect, it } from 'vitest';
import { DEMO_PASSWORD, login, openPage, browserSuite, SHOTS } from './browser.js';

const HOSTILE = `<img src=x onerror="window.__xss=1;alert(1)">恒"'&<b>粗</b>`;

browserSuite('web: hostile text stays text', (server) => {
  it('lists and opens an enterprise whose name is HTML, escaped', async () => {
    const { page, errors } = await openPage(server.browser);
    const dialogs: string[] = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    await login(page, server.url, 'staff', DEMO_PASSWORD);
    const list = await page.request.get(`${server.url}/api/enterprises?pageSize=1&keyword=恒达`);
    const ent = (await list.json()).items[0] as { id: string };
    const r = await page.request.patch(`${server.url}/api/enterprises/${ent.id}`, { data: { name: HOSTILE } });
    expect(r.status(), await r.text()).toBe(200);

    await page.goto(`${server.url}/enterprises?keyword=${encodeURIComponent('粗')}`);
    await page.getByText(HOSTILE, { exact: false }).first().waitFor();
    await page.goto(`${server.url}/enterprises/${ent.id}`);
    await page.getByText(HOSTILE).first().waitFor();
    await page.screenshot({ path: SHOTS + 'hostile-text.png', animations: 'disabled' });

    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.locator('b:text-is("粗")').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 90_000);
});
