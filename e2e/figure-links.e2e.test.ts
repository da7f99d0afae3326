// A figure's link opens a list showing exactly the records counted (issue #10): for figures of the generated work
// report whose lists are narrowed by filters the pages have no control for (行业, 类别, 状态变更, 截至销号 …), the page
// applies them from the address, says so, and its pager's total equals the figure.
import { expect, it } from 'vitest';
import type { Figure } from '../contracts/figures.js';
import { browserSuite, DEMO_PASSWORD, login, openPage, SHOTS } from './browser.js';

const KEYS = ['fireworks.shops', 'metal.suspended', 'mines.documents', 'gas.lpgClosed', 'gas.lpgBuilt', 'hazards.closed', 'monitoring.alarms',
  'flood.townBatches', 'duty.committees', 'relief.towns'];

browserSuite('figure links (统计口径)', (env) => {
  it('each link of the 2022 H1 work report lands on a list whose total is the figure', async () => {
    const { page, errors } = await openPage(env.browser);
    await login(page, env.url, 'leader', DEMO_PASSWORD);
    const work = await (await page.request.get(`${env.url}/api/reports/work?from=2022-01-01&to=2022-06-30`)).json() as { figures: Figure[] };
    const wrong: string[] = [];
    for (const key of KEYS) {
      const f = work.figures.find((x) => x.key === key);
      expect(f?.trace?.web, key).toBeTruthy();
      expect(f!.value, key).toBeGreaterThan(0);
      await page.goto(env.url + f!.trace!.web);
      const pager = page.getByText(/^共 \d+ 条$/).first();
      await pager.waitFor();
      // The list may first show an earlier page of results; wait for the figure, then read what is shown.
      await page.getByText(`共 ${f!.value} 条`).first().waitFor({ timeout: 10_000 }).catch(() => undefined);
      const shown = Number((await pager.innerText()).replace(/\D/g, ''));
      if (shown !== f!.value) wrong.push(`${key}: figure ${f!.value}, list ${shown} at ${f!.trace!.web}`);
      if (key === 'metal.suspended') {
        await page.getByTestId('trace-note').waitFor();
        await page.screenshot({ path: SHOTS + 'figure-link-measures.png' });
      }
    }
    expect(wrong).toEqual([]);
    expect(errors).toEqual([]);
  });
});
