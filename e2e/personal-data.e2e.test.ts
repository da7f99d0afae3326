// Personal data (issue #11) through a real browser: the disaster officer roster shows phones masked; the town station
// (personal:phone) clicks 查看 and sees the full number as a tel: link (each reveal audited by the server); a village
// informant (no personal:phone) sees the masked number with no 查看 button.
import { expect, it } from 'vitest';
import { DEMO_PASSWORD, login, logout, openPage, browserSuite, SHOTS } from './browser.js';

const MASKED = /^1[3-9]\d\*{4}\d{4}$/;

browserSuite('web: personal data masked, revealed on request', (server) => {
  it('shows a masked phone on a list; 查看 reveals the number as a tel: link (the server audits it: personal.test.ts)', async () => {
    const { page, errors } = await openPage(server.browser);
    await login(page, server.url, 'town_baitang', DEMO_PASSWORD);
    await page.goto(`${server.url}/disaster/informants`);
    const row = page.locator('.ant-table-row').first();
    await row.waitFor();
    const masked = row.locator('[data-masked]').first();
    const shown = (await masked.textContent())!.trim();
    expect(shown).toMatch(MASKED);
    expect(await row.locator('a[href^="tel:"]').count()).toBe(0);

    const revealed = page.waitForResponse((r) => r.url().endsWith('/api/personal/reveal') && r.request().method() === 'POST');
    await row.getByRole('button', { name: '查看完整电话号码' }).click();
    const body = await (await revealed).json() as { value: string };
    expect(body.value).toMatch(/^1[3-9]\d{9}$/);
    expect(body.value.slice(0, 3) + '****' + body.value.slice(7)).toBe(shown);
    const link = row.locator(`a[href="tel:${body.value}"]`);
    await link.waitFor();
    expect(await link.textContent()).toContain(body.value);
    expect(await row.locator('[data-masked]').count()).toBe(0);
    await page.screenshot({ path: SHOTS + 'personal-data-revealed.png', animations: 'disabled' });

    // The row click did not open the officer's drawer: the button keeps its click.
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(errors).toEqual([]);
    await logout(page);
  });

  it('gives a role without personal:phone the masked number and no 查看 button', async () => {
    const { page, errors } = await openPage(server.browser);
    await login(page, server.url, 'informant_demo', DEMO_PASSWORD);
    await page.goto(`${server.url}/disaster/informants`);
    const row = page.locator('.ant-table-row').first();
    await row.waitFor();
    expect((await row.locator('[data-masked]').first().textContent())!.trim()).toMatch(MASKED);
    expect(await page.getByRole('button', { name: '查看完整电话号码' }).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
