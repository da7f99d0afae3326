import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../testing/app.js';

let t: TestApp;
beforeAll(async () => { t = await buildTestApp(); });
afterAll(async () => { await t.close(); });

describe('platform endpoints', () => {
  it('health reports the database, version and migrations', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ status: 'ok', database: { reachable: true }, migrations: { pending: 0 } });
  });

  it('serves an OpenAPI document generated from the route schemas, with each route\'s permission', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths['/api/accounts'].post.requestBody).toBeDefined();
    expect(doc.paths['/api/accounts'].get.description).toMatch(/system:admin/);
    expect(doc.paths['/api/auth/login'].post.description).toMatch(/公开接口/);
  });

  it('serves an API reference page', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(r.headers['content-type']).toMatch(/text\/html/);
    expect(r.body).toContain('/api/accounts');
  });

  it('answers unknown API routes and malformed JSON with the error shape', async () => {
    const nf = await t.app.inject({ method: 'GET', url: '/api/nope' });
    expect(nf.statusCode).toBe(404);
    expect(nf.json().error.code).toBe('not_found');
    const bad = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: '{"username":', headers: { 'content-type': 'application/json' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/JSON/);
  });
});

describe('the web app', () => {
  // web/dist is built by the test set-up where browser tests run (and by npm start).
  it.skipIf(!fs.existsSync(path.join('web', 'dist', 'index.html')))(
    'is served at the site root and at any client route, and a missing asset is a 404', async () => {
      const root = await t.app.inject({ method: 'GET', url: '/' });
      expect(root.statusCode).toBe(200);
      expect(root.headers['content-type']).toMatch(/text\/html/);
      const deep = await t.app.inject({ method: 'GET', url: '/hazards/risk-map' });
      expect(deep.statusCode).toBe(200);
      expect(deep.body).toBe(root.body);
      expect((await t.app.inject({ method: 'GET', url: '/assets/no-such-file.js' })).statusCode).toBe(404);
    });
});
