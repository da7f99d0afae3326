import { Type } from '@sinclair/typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../testing/app.js';
import { defineRule, ruleValue } from './rules.js';

const deadline = defineRule({
  key: 'test.deadline_days', label: '测试期限（天）', schema: Type.Integer({ minimum: 1 }), defaultValue: 90,
  source: '行政处罚法 第60条', mark: 'C',
});

let t: TestApp;
let admin: string;
beforeAll(async () => { t = await buildTestApp(); admin = await t.login('admin'); });
afterAll(async () => { await t.close(); });

describe('rules', () => {
  it('ship a default with its source, and take dated values that apply from their day', async () => {
    const list = (await t.as(admin, { method: 'GET', url: '/api/settings/rules' })).json();
    expect(list.find((r: { key: string }) => r.key === 'test.deadline_days')).toMatchObject({ value: 90, version: 'test.deadline_days@default', defaultSource: '行政处罚法 第60条' });
    const put = await t.as(admin, { method: 'PUT', url: '/api/settings/rules/test.deadline_days', payload: { value: 60, effectiveFrom: '2026-02-01', source: '应急管理部令第18号' } });
    expect(put.statusCode).toBe(200);
    expect((await ruleValue(t.p.db, deadline, new Date('2026-01-31T15:59:00Z'))).value).toBe(90); // 23:59 in Shanghai
    const after = await ruleValue(t.p.db, deadline, new Date('2026-01-31T16:00:00Z'));               // 00:00 on 02-01
    expect(after).toMatchObject({ value: 60, version: 'test.deadline_days@2026-02-01' });
  });

  it('refuse a value of the wrong shape, and a change by a non-administrator', async () => {
    const bad = await t.as(admin, { method: 'PUT', url: '/api/settings/rules/test.deadline_days', payload: { value: 'ninety', effectiveFrom: '2026-03-01', source: '某文件' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/不符合该规则的格式/);
    const staff = await t.login('staff');
    expect((await t.as(staff, { method: 'PUT', url: '/api/settings/rules/test.deadline_days', payload: { value: 1, effectiveFrom: '2026-03-01', source: '某文件' } })).statusCode).toBe(403);
    expect((await t.as(admin, { method: 'PUT', url: '/api/settings/rules/no.such', payload: { value: 1, effectiveFrom: '2026-03-01', source: '某文件' } })).statusCode).toBe(404);
  });
});
