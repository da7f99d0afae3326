// Issue #7 through a real browser against the demo county: the duty officer takes a report at the duty desk (接报), sees
// its grade with the rule and the ranked plans; the leader starts the Ⅳ级 response; the officer dispatches the nearest
// team and records it on scene, gives the county brigade a task that a rescuer signs for and answers on a phone; the
// 初报 is drafted from the record, approved by the leader and sent; the leader ends the response; the officer writes
// the assessment and a lesson that becomes a hazard, and closes the incident. Screenshots on a desktop and a phone.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite, chooseOption, DEMO_PASSWORD, login, openPage, SHOTS } from './browser.js';

const PHONE = { width: 390, height: 844 };
const shot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: SHOTS + name, fullPage, animations: 'disabled' });
const dialog = (page: Page) => page.locator('.ant-modal-wrap:visible').getByRole('dialog');
/** Press the OK of the visible modal (Ant Design spaces two-character labels: 「确 定」). */
const ok = (page: Page, label = '确定') => dialog(page).getByRole('button', { name: new RegExp(label.split('').join('\\s?')) }).click();
/** Answer a Popconfirm. */
const confirm = (page: Page) => page.locator('.ant-popover:visible').getByRole('button', { name: /确\s?定/ }).click();

/** Pick an option of an Ant Design select in the open modal or page by typing part of its label. */
const choose = (page: Page, label: string, text: string, scope = dialog(page)) => chooseOption(page, scope.getByLabel(label), text);

browserSuite('emergency response and command (应急指挥)', (env) => {
  // The whole incident in one flow, across three accounts: ~30 s on a quiet machine, so more than the default minute.
  it('takes a report at the duty desk and runs it to closing, with dispatch, a field task, the 初报 and a lesson that becomes a hazard', { timeout: 150_000 }, async () => {
    const staff = await openPage(env.browser);
    const leader = await openPage(env.browser);
    await login(staff.page, env.url, 'staff', DEMO_PASSWORD);
    await login(leader.page, env.url, 'leader', DEMO_PASSWORD);
    const s = staff.page;
    const l = leader.page;

    // 接报 at the duty desk.
    await s.goto(`${env.url}/command/duty`);
    await s.getByRole('button', { name: /接\s?报/ }).first().click();
    await s.waitForURL(/\/command\/incidents\/new$/);
    await s.getByLabel('报告人').fill('赵志强');
    await s.getByLabel('联系电话').fill('13907301234');
    await choose(s, '涉事企业（选填）', '恒达化工', s.locator('form'));
    await s.getByLabel('详细地点').fill('循环园恒达化工罐区');
    await s.getByLabel('简要情况').fill('液氨储罐进料阀法兰泄漏，现场有刺激性气味，企业已关闭紧急切断阀');
    await s.getByLabel('重伤（含中毒）').fill('1');
    await s.getByTestId('grade-preview').filter({ hasText: '一般事件' }).waitFor();
    await shot(s, 'command-intake.png', true);
    await s.getByRole('button', { name: '登记并进入指挥视图' }).click();
    await s.waitForURL(/\/command\/incidents\/[0-9a-f-]{36}$/);
    const incidentUrl = s.url();

    // Its level with the rule, and the plans ranked with their reasons.
    expect(await s.getByTestId('grade').innerText()).toBe('一般');
    expect(await s.getByTestId('grade-rule').innerText()).toMatch(/一般：未达到较大.*493号/);
    await s.getByTestId('plans-card').getByText('汨水市危险化学品事故应急预案').first().waitFor();
    expect(await s.getByTestId('proposed-level').innerText()).toMatch(/建议启动Ⅳ级响应/);
    expect(await s.getByRole('button', { name: /启\s?动响应/ }).count()).toBe(0); // only a leader decides
    await shot(s, 'command-incident-reported.png', true);

    // The leader starts the Ⅳ级 response under the county's hazchem plan.
    await l.goto(incidentUrl);
    await l.getByRole('button', { name: /启\s?动响应/ }).click();
    await choose(l, '执行预案', '汨水市危险化学品事故应急预案');
    await ok(l, '启动');
    await l.getByTestId('status').filter({ hasText: '响应中' }).waitFor();
    expect(await l.getByTestId('active-level').innerText()).toBe('Ⅳ级');

    // The officer dispatches the nearest team and records it on scene.
    await s.reload();
    await s.getByTestId('status').filter({ hasText: '响应中' }).waitFor();
    await s.getByTestId('tasks').getByText(/任务（0\/4 已完成）/).waitFor();
    const nearest = s.getByTestId('nearest').locator('tbody tr.ant-table-row');
    await nearest.first().waitFor();
    expect(await nearest.first().innerText()).toMatch(/循环园危化品应急救援队/);
    await nearest.first().getByRole('button', { name: /调\s?派/ }).click();
    await confirm(s);
    const dispatched = s.getByTestId('dispatches').locator('tbody tr.ant-table-row').filter({ hasText: '循环园危化品应急救援队' });
    await dispatched.filter({ hasText: '已调派' }).waitFor();
    await dispatched.getByRole('button', { name: /到\s?场/ }).click();
    await dispatched.filter({ hasText: '到场' }).getByRole('button', { name: /撤\s?离/ }).waitFor();

    // A task for the county brigade, answered by a rescuer on a phone from 我的任务.
    await s.getByTestId('tasks').getByRole('button', { name: /下达任务/ }).click();
    await dialog(s).getByLabel('任务').fill('协助园区救援队在罐区下风向设置警戒并搜寻滞留人员');
    await choose(s, '承办单位', '综合应急救援大队');
    await ok(s);
    await s.getByTestId('tasks').getByText('协助园区救援队在罐区下风向设置警戒并搜寻滞留人员', { exact: true }).waitFor();

    const rescuer = await openPage(env.browser, PHONE);
    const r = rescuer.page;
    await login(r, env.url, 'rescuer_demo', DEMO_PASSWORD);
    await r.goto(`${env.url}/command/tasks`);
    const card = r.getByTestId('my-tasks').locator('.ant-card').filter({ hasText: '协助园区救援队在罐区下风向设置警戒' });
    await card.waitFor();
    await card.getByRole('button', { name: /签\s?收/ }).click();
    await card.getByText('已签收').first().waitFor();
    await card.getByRole('button', { name: /反\s?馈/ }).click();
    await dialog(r).getByLabel('进展情况').fill('已在罐区下风向 200 米设置警戒，未发现滞留人员');
    await ok(r);
    await card.getByText('已反馈').first().waitFor();
    await shot(r, 'command-my-tasks-phone.png', true);
    expect(rescuer.errors).toEqual([]);

    await s.reload();
    await s.getByTestId('tasks').getByText('已在罐区下风向 200 米设置警戒，未发现滞留人员').waitFor();
    await s.getByTestId('tasks').getByRole('button', { name: /采\s?纳/ }).click();
    await s.getByTestId('tasks').getByText(/任务（1\/5 已完成）/).waitFor();

    // 初报: drafted from the record by the officer, approved by the leader, sent by the officer.
    const reports = s.getByTestId('reports-panel');
    await reports.getByRole('button', { name: /起草初报/ }).click();
    await s.getByRole('button', { name: /保存草稿/ }).click();
    await reports.getByRole('button', { name: /提交审核/ }).click();
    await reports.getByText('待审核').waitFor();
    await l.reload();
    await l.getByTestId('reports-panel').getByRole('button', { name: /审核通过/ }).click();
    await l.getByTestId('reports-panel').getByText('已审核待报送').waitFor();
    await s.reload();
    await reports.getByRole('button', { name: /报\s?送/ }).click();
    await confirm(s);
    await reports.getByText('已报送').first().waitFor();
    await shot(s, 'command-incident-responding.png', true);

    // The leader ends the response with the final figures.
    await l.reload();
    await l.getByRole('button', { name: /终止响应/ }).click();
    await dialog(l).getByLabel('终止理由').fill('泄漏点已封堵，下风向监测无超标，险情消除');
    await ok(l);
    await l.getByTestId('status').filter({ hasText: '响应已终止' }).waitFor();

    // Assessment, a lesson that becomes a hazard, and closing.
    await s.reload();
    await s.getByTestId('status').filter({ hasText: '响应已终止' }).waitFor();
    const closing = s.getByTestId('closing');
    await closing.getByRole('button', { name: /调查评估/ }).click();
    await dialog(s).getByLabel('总结评估').fill('企业先期处置及时，园区救援队迅速到场堵漏，未造成次生事故');
    await ok(s);
    await closing.getByText(/总结评估：企业先期处置及时/).waitFor();
    await closing.getByRole('button', { name: /登记经验教训/ }).click();
    await dialog(s).getByLabel('经验教训').fill('液氨储罐进料阀法兰垫片未定期更换');
    await ok(s);
    await closing.getByRole('button', { name: /转为隐患/ }).click();
    expect(await dialog(s).getByLabel('隐患名称').inputValue()).toBe('液氨储罐进料阀法兰垫片未定期更换');
    await ok(s);
    const hazardLink = closing.getByRole('link', { name: /隐患 YH-\d{4}-\d{6}/ });
    await hazardLink.waitFor();
    await closing.getByRole('button', { name: /结\s?案/ }).click();
    await confirm(s);
    await s.getByTestId('status').filter({ hasText: '已结案' }).waitFor();
    const timeline = await s.getByTestId('timeline').innerText();
    for (const what of ['接报', '启动Ⅳ级应急响应', '调派救援队伍「循环园危化品应急救援队」', '到场', '初报', '终止Ⅳ级应急响应', '转为隐患', '结案']) expect(timeline).toContain(what);
    await shot(s, 'command-incident-closed.png', true);
    await hazardLink.click();
    await s.getByText('液氨储罐进料阀法兰垫片未定期更换').first().waitFor();
    expect(staff.errors).toEqual([]);
    expect(leader.errors).toEqual([]);
  });

  it('shows the ledger, the intake and a past incident\'s command view on a phone', async () => {
    const { page, errors } = await openPage(env.browser, PHONE);
    await login(page, env.url, 'staff', DEMO_PASSWORD);
    await page.goto(`${env.url}/command/incidents?q=${encodeURIComponent('6·21')}`);
    await page.getByText('罗江镇“6·21”山洪灾害').first().waitFor();
    await shot(page, 'command-incidents-phone.png', true);
    await page.getByText('罗江镇“6·21”山洪灾害').first().click();
    await page.getByTestId('status').filter({ hasText: '已结案' }).waitFor();
    await page.getByTestId('timeline').getByText(/批准：响应级别由Ⅳ级调整为Ⅲ级/).waitFor();
    await shot(page, 'command-incident-phone.png');
    await page.goto(`${env.url}/command/incidents/new`);
    await page.getByRole('button', { name: '登记并进入指挥视图' }).waitFor();
    await shot(page, 'command-intake-phone.png', true);
    expect(errors).toEqual([]);

    const desk = await openPage(env.browser);
    await login(desk.page, env.url, 'staff', DEMO_PASSWORD);
    await desk.page.goto(`${env.url}/command/incidents`);
    await desk.page.getByText('SJ-2022-0003').waitFor();
    await shot(desk.page, 'command-incidents.png');
    expect(desk.errors).toEqual([]);
  });
});
