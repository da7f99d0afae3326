// kill -9 in the middle of writes: the real `yingji serve` takes, all at once, a stream of hazard reports (each
// numbered YH-<year>-NNNNNN from one counter) with their workflow moves (交办), enforcement documents (责令限期整改指令书,
// each numbered （汨）应急责改〔year〕N号 from another counter), Excel imports of the enterprise list (40 rows a file,
// one transaction) and device batches of readings over the HTTP ingest route (50 readings a batch). It is killed with
// SIGKILL while requests of every kind are in flight, and restarts on the same database:
// - every request that was answered 2xx is there (reports, moves, documents, every row of an answered import, every
//   reading of an answered batch — resent, each one is a duplicate);
// - nothing is half done: a hazard's status is the one its last workflow event says, an import file's rows are all
//   there or none, a batch's readings are all stored or none;
// - both counters run on without a gap or duplicate (a committed record holds the next number, answered or not);
// - the audit chain verifies.
// PGlite: the same data folder. PostgreSQL (TEST_DATABASE_URL): a database copied from the test template.
import { describe, expect, it } from 'vitest';
import { makeUscc, USCC_CHARSET } from './codes/uscc.js';
import { multipart, xlsx } from '../domains/enterprises/test-helpers.js';
import { call, freePort, login, must, serverDatabase, startServer } from '../testing/child-server.js';
import { TEST_AUDIT_KEY } from '../testing/env.js';

const VILLAGE = '430699101000';
const IMPORT_ROWS = 40;
const BATCH = 50;
const pgUrl = process.env.TEST_DATABASE_URL;

/** The k-th credit code of this test (bodies MA8…, which the demo county never makes). */
const code = (k: number) => makeUscc('91', '430699', `MA8${Array.from({ length: 5 }, (_, i) => USCC_CHARSET[Math.floor(k / 31 ** (4 - i)) % 31]).join('')}`);

describe('kill -9 during writes', () => {
  it(`loses no answered write, leaves nothing half done and no numbering gap (${pgUrl ? 'PostgreSQL' : 'PGlite'})`, { timeout: 600_000 }, async () => {
    const template = process.env.YINGJI_PG_TEMPLATE;
    if (pgUrl && !template) throw new Error('YINGJI_PG_TEMPLATE is not set by the global setup');
    const db = await serverDatabase('yingji_crash', pgUrl, pgUrl ? { name: template!, auditKey: TEST_AUDIT_KEY } : undefined);
    const env = { ...db.env, PORT: String(await freePort()), MQTT_PORT: String(await freePort()) };
    const first = startServer(env);
    const base = first.base;
    try {
      await first.ready();
      const cookie = await login(base);
      const officer = await login(base, 'officer');
      const now = new Date();
      const year = now.getFullYear();

      // An inspection with a finding, for 责令限期整改指令书; a device with a sensor and its key, for readings.
      const me = await must(base, officer, 'GET', '/api/auth/me');
      const mate = (await must(base, officer, 'GET', '/api/enforcement/officers') as unknown as { id: string }[]).find((o) => o.id !== me.id)!;
      const enterprise = ((await must(base, officer, 'GET', '/api/enterprises?pageSize=1')).items as { id: string }[])[0];
      const inspection = await must(base, officer, 'POST', '/api/enforcement/inspections', { origin: 'adhoc', enterpriseId: enterprise.id, officerIds: [me.id, mate.id] });
      await must(base, officer, 'POST', `/api/enforcement/inspections/${inspection.id}/record`, { findings: [{ title: '断电测试发现的问题', level: 'general' }] });
      const deadline = new Date(now.getTime() + 14 * 86400_000).toISOString().slice(0, 10);
      const docsBefore = await documentSeqs(base, officer, year);
      const device = await must(base, cookie, 'POST', '/api/monitoring/devices', { code: 'CRASH-HTTP', name: '断电测试设备', placeName: '测试点', regionCode: VILLAGE });
      await must(base, cookie, 'POST', '/api/monitoring/sensors', { deviceId: device.id, code: 'P1', name: '压力', type: 'pressure', unit: 'MPa', expectedIntervalSec: 1 });
      const { key } = await must(base, cookie, 'POST', `/api/monitoring/devices/${device.id}/key`) as { key: string };
      const t0 = now.getTime() - 3600_000;

      const created: { id: string; number: string }[] = [];
      const assigned = new Set<string>();
      const docs: { id: string; number: string }[] = [];
      const imports: { file: number; answered: boolean }[] = [];
      const batches: { readings: { sensor: string; ts: string; value: number }[]; answered: boolean }[] = [];
      const inFlight = { imports: 0, documents: 0, batches: 0 };
      const anomalies: string[] = [];
      let atKill = { ...inFlight };
      let gone = false;
      void first.exited.then(() => { gone = true; });
      let n = 0;
      const loop = (body: () => Promise<void>) => async () => { while (!gone) { try { await body(); } catch { return; } } };
      // 8 clients report hazards and hand each one over for rectification.
      const hazards = loop(async () => {
        const i = n++;
        const r = await call(base, cookie, 'POST', '/api/hazards', { regionCode: VILLAGE, placeName: `断电测试点${i}`, title: `断电测试隐患${i}`, source: 'inspection', level: 'general' });
        if (r.status !== 200) return;
        created.push({ id: String(r.json!.id), number: String(r.json!.number) });
        const a = await call(base, cookie, 'POST', `/api/hazards/${r.json!.id}/assign`, { responsiblePerson: '张测试', measures: '立即整改', deadline: `${year + 1}-01-31` });
        if (a.status === 200) assigned.add(String(r.json!.id));
      });
      // 3 clients issue documents.
      const documents = loop(async () => {
        inFlight.documents++;
        try {
          const r = await call(base, officer, 'POST', '/api/enforcement/documents', { kind: 'rectify_order', inspectionId: inspection.id, deadline });
          if (r.status === 200) docs.push({ id: String(r.json!.id), number: String(r.json!.number) });
          else anomalies.push(`document: ${r.status} ${r.text}`);
        } finally { inFlight.documents--; }
      });
      // 2 clients import files of 40 new enterprises each.
      let files = 0;
      const importer = loop(async () => {
        const k = files++;
        const rows = Array.from({ length: IMPORT_ROWS }, (_, i) => [`断电导入批${k}企业${i}有限公司`, code(k * IMPORT_ROWS + i), '430699101201', '其他']);
        const body = multipart(`断电导入${k}.xlsx`, await xlsx([['企业名称', '统一社会信用代码', '区划代码', '监管行业'], ...rows]));
        const entry = { file: k, answered: false };
        imports.push(entry);
        inFlight.imports++;
        try {
          const r = await fetch(`${base}/api/enterprises/import`, { method: 'POST', headers: { cookie, ...body.headers }, body: body.payload });
          const j = r.status === 200 ? await r.json() as { written: boolean; created: number } : null;
          if (!j) anomalies.push(`import ${k}: ${r.status} ${await r.text()}`);
          if (j) { entry.answered = true; if (!j.written || j.created !== IMPORT_ROWS) anomalies.push(`import ${k} answered ${JSON.stringify(j)}`); }
        } finally { inFlight.imports--; }
      });
      // 3 clients send batches of 50 readings, each reading at its own time.
      let readingNo = 0;
      const ingest = loop(async () => {
        const readings = Array.from({ length: BATCH }, () => { const i = readingNo++; return { sensor: 'P1', ts: new Date(t0 + i * 10).toISOString(), value: i % 100 }; });
        const entry = { readings, answered: false };
        batches.push(entry);
        inFlight.batches++;
        try {
          const r = await call(base, '', 'POST', '/api/monitoring/readings', { readings }, { 'x-api-key': key });
          if (r.status === 200) { entry.answered = true; if (r.json!.accepted !== BATCH) anomalies.push(`batch answered ${JSON.stringify(r.json)}`); } else anomalies.push(`batch: ${r.status} ${r.text}`);
        } finally { inFlight.batches--; }
      });
      // SIGKILL once enough of each kind was answered, at a moment when an import, a document and a batch are in flight.
      const killer = async () => {
        const started = Date.now();
        while (!gone) {
          const enough = created.length >= 100 && docs.length >= 20 && imports.filter((x) => x.answered).length >= 2 && batches.filter((x) => x.answered).length >= 20;
          const busy = inFlight.imports > 0 && inFlight.documents > 0 && inFlight.batches > 0;
          if ((enough && busy) || Date.now() - started > 240_000) { atKill = { ...inFlight }; first.child.kill('SIGKILL'); return; }
          await new Promise((r) => setTimeout(r, 5));
        }
      };
      await Promise.all([killer(), ...Array.from({ length: 8 }, hazards), ...Array.from({ length: 3 }, documents), ...Array.from({ length: 2 }, importer), ...Array.from({ length: 3 }, ingest)]);
      await first.exited;
      expect(anomalies).toEqual([]);
      expect(created.length).toBeGreaterThanOrEqual(100);
      expect(atKill.imports * atKill.documents * atKill.batches, `in flight at the kill: ${JSON.stringify(atKill)}`).toBeGreaterThan(0);

      const second = startServer(env);
      try {
        await second.ready();
        const c2 = await login(base);
        const o2 = await login(base, 'officer');
        // Every answered report is there, with the status its last event says; every answered 交办 happened.
        const wrong: string[] = [];
        for (const h of created) {
          const r = await call(base, c2, 'GET', `/api/hazards/${h.id}`);
          if (r.status !== 200) { wrong.push(`${h.number} lost (${r.status})`); continue; }
          const events = r.json!.events as { toStatus?: string | null }[];
          const lastStatus = events.at(-1)?.toStatus;
          if (lastStatus && lastStatus !== r.json!.status) wrong.push(`${h.number} status ${String(r.json!.status)} but last event → ${lastStatus}`);
          if (assigned.has(h.id) && r.json!.status === 'pending') wrong.push(`${h.number} 交办 answered but not recorded`);
        }
        // Every answered document is there under the number it was answered with.
        for (const d of docs) {
          const r = await call(base, o2, 'GET', `/api/enforcement/documents/${d.id}`);
          if (r.status !== 200 || r.json!.number !== d.number) wrong.push(`document ${d.number} lost or renumbered (${r.status})`);
        }
        // An import file's rows: all 40 (always, when it was answered) or none.
        const importCounts: number[] = [];
        for (const f of imports) {
          const r = await must(base, c2, 'GET', `/api/enterprises?q=${encodeURIComponent(`断电导入批${f.file}企业`)}&pageSize=1`);
          const total = Number(r.total);
          importCounts.push(total);
          if (f.answered ? total !== IMPORT_ROWS : total !== 0 && total !== IMPORT_ROWS) wrong.push(`import ${f.file} (${f.answered ? 'answered' : 'in flight'}): ${total} of ${IMPORT_ROWS} rows`);
        }
        // A batch resent: every reading a duplicate when it was answered; all or none stored otherwise.
        let resentStored = 0;
        for (const [i, b] of batches.entries()) {
          const r = await call(base, '', 'POST', '/api/monitoring/readings', { readings: b.readings }, { 'x-api-key': key });
          if (r.status !== 200) { wrong.push(`batch ${i} resent: ${r.status} ${r.text}`); continue; }
          const dup = Number(r.json!.duplicates);
          if (dup === BATCH) resentStored++;
          if (b.answered ? dup !== BATCH : dup !== 0 && dup !== BATCH) wrong.push(`batch ${i} (${b.answered ? 'answered' : 'in flight'}): ${dup} of ${BATCH} readings were stored`);
        }
        expect(wrong).toEqual([]);

        // The year's hazard numbers: 1..N, no gap, no duplicate.
        const numbers: number[] = [];
        for (let page = 1; ; page++) {
          const r = await must(base, c2, 'GET', `/api/hazards?q=${encodeURIComponent('断电测试隐患')}&pageSize=200&page=${page}`);
          numbers.push(...(r.items as { number: string }[]).map((x) => Number(x.number.split('-')[2])));
          if (page * 200 >= Number(r.total)) break;
        }
        numbers.sort((a, b) => a - b);
        expect(numbers.length).toBeGreaterThanOrEqual(created.length);
        expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, k) => numbers[0] + k));
        // The year's 责改 numbers: on from the last one before the test, no gap, no duplicate.
        const seqs = (await documentSeqs(base, o2, year)).filter((s) => !docsBefore.includes(s));
        expect(seqs.length).toBeGreaterThanOrEqual(docs.length);
        expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, k) => (docsBefore.at(-1) ?? 0) + 1 + k));
        // And the trail is whole.
        const audit = await call(base, await login(base, 'admin'), 'GET', '/api/audit/verify');
        expect(audit.json).toMatchObject({ ok: true });
        console.log(`kill -9 (${db.label}): answered before the kill ${created.length} reports, ${assigned.size} moves, ${docs.length} documents, `
          + `${imports.filter((x) => x.answered).length} of ${imports.length} imports, ${batches.filter((x) => x.answered).length} of ${batches.length} batches; `
          + `in flight at the kill ${JSON.stringify(atKill)}. After restart: hazards numbered ${numbers[0]}..${numbers.at(-1)} (${numbers.length}), `
          + `责改 ${seqs[0]}..${seqs.at(-1)} (${seqs.length}), import files ${importCounts.filter((c) => c === IMPORT_ROWS).length} whole and ${importCounts.filter((c) => c === 0).length} empty, ${resentStored} of ${batches.length} batches stored`);
      } finally {
        await second.stop();
      }
    } finally {
      if (first.child.exitCode === null) first.child.kill('SIGKILL');
      await db.drop();
    }
  });
});

/** Sequence numbers of this year's 责令限期整改指令书, ascending. */
async function documentSeqs(base: string, cookie: string, year: number): Promise<number[]> {
  const seqs: number[] = [];
  for (let page = 1; ; page++) {
    const r = await must(base, cookie, 'GET', `/api/enforcement/documents?kind=rectify_order&year=${year}&pageSize=200&page=${page}`);
    seqs.push(...(r.items as { number: string }[]).map((d) => Number(new RegExp(`〔${year}〕(\\d+)号`).exec(d.number)![1])));
    if (page * 200 >= Number(r.total)) break;
  }
  return seqs.sort((a, b) => a - b);
}
