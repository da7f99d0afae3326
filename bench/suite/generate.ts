// Deterministic data for the benchmark suite, generated inside the database: each batch is one
// INSERT … SELECT over generate_series (no rows cross the wire, which beats COPY FROM STDIN on both back ends),
// ids are md5-derived uuids, every attribute is a function of the row number. Secondary indexes of the big tables
// are dropped before the load and rebuilt after it (a bulk GIN/btree build is several times faster than
// maintaining them row by row). Progress is printed per batch.
import type { Db } from '../../server/platform/db/db.js';
import { sql } from '../../server/platform/db/sql.js';
import { BENCH_TODAY, TOWNS_PER_COUNTY, VILLAGES_PER_TOWN, type Scale } from './scales.js';

const TRADE_A = "'嘉','瑞','宏','鑫','盛','隆','德','信','诚','华','泰','安','康','富','丰','润','荣','兴','旺','长','金','银','宇','新','天','永','万','汇','同','合','顺','佳','聚','亨','锦','湘','楚','岳','汨','屈'";
const TRADE_B = "'源','达','发','通','利','昌','成','祥','和','顺','泰','辉','华','宇','鼎','丰','盛','峰','联','城'";
const SUFFIX = "'化工有限公司','木业有限公司','烟花爆竹零售点','液化气站','石油有限公司加油站','机械制造有限公司','商贸有限公司','建设工程有限公司','宾馆','物流有限公司'";
const SECTOR = "'hazchem','industry_trade','fireworks','gas','hazchem','industry_trade','industry_trade','construction','fire_key','transport'";
const DETAIL = "'production','light','retail',null,'trading','machinery','commerce',null,null,null";
const TITLES = "'灭火器过期未更换','安全出口指示标志损坏','可燃气体报警器未联动','电气线路私拉乱接','动火作业未办理审批','应急照明损坏','消防通道堵塞','特种作业人员无证上岗'";

/** SQL: the 6-digit county code of county index `c` (0-based): cities 4371…, ten counties each. */
const county6 = (c: string) => `((4371 + (${c}) / 10)::text || lpad(((${c}) % 10 + 1)::text, 2, '0'))`;
/** SQL: which village (0 … villages-1) enterprise number `e` (1-based) lies in: a hash, so that the place is
 *  independent of the name, sector and status, which are functions of the number (v1 took `e % counties`, and the
 *  resulting name-county correlation misled the planner on name-ordered county lists). */
const villageIndex = (e: string, counties: number) => `((hashtext('bench-ent-' || (${e}))::bigint + 2147483648) % ${counties * TOWNS_PER_COUNTY * VILLAGES_PER_TOWN})`;
/** SQL: the 12-digit village code of enterprise number `e`. */
const villageOf = (e: string, counties: number) => {
  const v = villageIndex(e, counties);
  return `(${county6(`(${v} % ${counties})::int`)} || (101 + (${v} / ${counties}) % ${TOWNS_PER_COUNTY})::text || (201 + (${v} / ${counties} / ${TOWNS_PER_COUNTY}) % ${VILLAGES_PER_TOWN})::text)`;
};
/** SQL: the county index (0-based) of enterprise number `e`. */
const countyIndex = (e: string, counties: number) => `(${villageIndex(e, counties)} % ${counties})::int`;
const entName = (e: string) =>
  `((array[${TRADE_A}])[1 + (${e}) % 40] || (array[${TRADE_B}])[1 + ((${e}) / 40) % 20] || (array[${SUFFIX}])[1 + ((${e}) / 3) % 10])`;
const entSector = (e: string) => `(array[${SECTOR}])[1 + ((${e}) / 3) % 10]`;
export const entId = (e: string) => `md5('bench-ent-' || (${e}))::uuid`;

type Progress = (table: string, done: number, total: number, rowsPerSec: number) => void;

export const printProgress: Progress = (table, done, total, rps) => {
  process.stdout.write(`\r  ${table.padEnd(22)} ${done.toLocaleString('en').padStart(11)} / ${total.toLocaleString('en')}  (${rps.toLocaleString('en')} rows/s)   `);
  if (done >= total) process.stdout.write('\n');
};

async function batched(db: Db, table: string, total: number, batch: number, stmt: (from: number, to: number) => string, progress: Progress) {
  const t0 = performance.now();
  for (let from = 1; from <= total; from += batch) {
    const to = Math.min(total, from + batch - 1);
    await db.exec(stmt(from, to));
    progress(table, to, total, Math.round(to / ((performance.now() - t0) / 1000)));
  }
  return (performance.now() - t0) / 1000;
}

/** Drop a table's secondary indexes (not those behind constraints); returns their definitions for rebuilding. */
async function dropIndexes(db: Db, table: string): Promise<string[]> {
  const rows = await db.query<{ name: string; def: string }>(sql`select indexname as name, indexdef as def from pg_indexes
    where schemaname = current_schema() and tablename = ${table}
      and indexname not in (select conname from pg_constraint where conrelid = ${table}::regclass)`);
  for (const r of rows) await db.exec(`drop index ${r.name}`);
  return rows.map((r) => r.def);
}

async function withIndexesRebuilt(db: Db, table: string, load: () => Promise<unknown>) {
  const defs = await dropIndexes(db, table);
  await load();
  const t0 = performance.now();
  for (const d of defs) await db.exec(d);
  if (defs.length) console.log(`  ${table}: ${defs.length} indexes rebuilt in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

export interface Generated { rows: Record<string, number>; seconds: Record<string, number> }

/** Generate one scale's data into a migrated database that holds the demo county. */
export async function generate(db: Db, s: Scale, progress: Progress = printProgress): Promise<Generated> {
  const C = s.counties;
  const rows: Record<string, number> = {};
  const seconds: Record<string, number> = {};
  const timed = async (name: string, n: number, f: () => Promise<unknown>) => {
    const t0 = performance.now();
    await f();
    seconds[name] = Math.round((performance.now() - t0) / 100) / 10;
    rows[name] = n;
  };

  // Regions: cities, counties, towns, villages under the demo province.
  const cities = Math.ceil(C / 10);
  const towns = C * TOWNS_PER_COUNTY;
  const villages = towns * VILLAGES_PER_TOWN;
  await timed('regions', cities + C + towns + villages, async () => {
    await db.exec(`insert into regions (code, parent_code, name, level, sort)
      select (4371 + i)::text || '00000000', '430000000000', '压测' || (i + 1) || '市', 'city', 100 + i from generate_series(0, ${cities - 1}) i`);
    await db.exec(`insert into regions (code, parent_code, name, level, sort)
      select ${county6('c')} || '000000', (4371 + c / 10)::text || '00000000', '压测' || (c + 1) || '县', 'county', c from generate_series(0, ${C - 1}) c`);
    await db.exec(`insert into regions (code, parent_code, name, level, sort)
      select ${county6('c')} || (101 + t)::text || '000', ${county6('c')} || '000000', '压测' || (c + 1) || '县' || (t + 1) || '镇', 'town', t
      from generate_series(0, ${C - 1}) c, generate_series(0, ${TOWNS_PER_COUNTY - 1}) t`);
    await db.exec(`insert into regions (code, parent_code, name, level, sort)
      select ${county6('c')} || (101 + t)::text || (201 + v)::text, ${county6('c')} || (101 + t)::text || '000', (c + 1) || '县' || (t + 1) || '镇' || (v + 1) || '村', 'village', v
      from generate_series(0, ${C - 1}) c, generate_series(0, ${TOWNS_PER_COUNTY - 1}) t, generate_series(0, ${VILLAGES_PER_TOWN - 1}) v`);
  });

  // Enterprises (一企一档): name, sector, status, risk colour, place; one business licence each.
  await timed('enterprises', s.enterprises, () => withIndexesRebuilt(db, 'enterprises', () =>
    batched(db, 'enterprises', s.enterprises, 50_000, (a, b) => `insert into enterprises (id, name, former_names, credit_code, region_code, address, lng, lat,
        employees, scale, status, is_key, sector, sector_detail, flags, risk_level, principal_name, principal_phone)
      select ${entId('g')}, ${entName('g')},
        case when g % 20 = 0 then array[(array[${TRADE_A}])[1 + (g / 7) % 40] || '旧厂'] else '{}' end,
        'B' || lpad(g::text, 17, '0'), ${villageOf('g', C)}, '压测' || (${countyIndex('g', C)} + 1) || '县' || (g % 12 + 1) || '组',
        110 + ${countyIndex('g', C)} % 10 * 0.5 + ((g::bigint * 7919) % 4000) / 10000.0, 25 + ${countyIndex('g', C)} / 10 * 0.4 + ((g::bigint * 104729) % 3000) / 10000.0,
        1 + g % 300, (array['micro','small','small','medium'])[1 + g % 4],
        (array['operating','operating','operating','operating','operating','operating','operating','suspended','closed_business','closed'])[1 + g % 10],
        g % 13 = 0, ${entSector('g')}, (array[${DETAIL}])[1 + (g / 3) % 10],
        case when g % 17 = 0 then array['dust_explosion'] else '{}' end,
        (array['red','orange','yellow','yellow','blue','blue','blue', null])[1 + g % 8], '负责人' || g % 1000, '138' || lpad((g % 100000000)::text, 8, '0')
      from generate_series(${a}, ${b}) g`, progress)));
  await timed('enterprise_licences', s.enterprises, () => batched(db, 'enterprise_licences', s.enterprises, 100_000, (a, b) => `insert into enterprise_licences (id, enterprise_id, kind, number, expires_on)
      select md5('bench-lic-' || g)::uuid, ${entId('g')}, 'business', 'B' || lpad(g::text, 17, '0'), date '${BENCH_TODAY}' + (g * 37) % 1095 - 30
      from generate_series(${a}, ${b}) g`, progress));

  // Hazards (隐患): over the last four years, statuses mixed, one in 97 major, titles from the common findings.
  const E = s.enterprises;
  await timed('hazards', s.hazards, () => withIndexesRebuilt(db, 'hazards', () =>
    batched(db, 'hazards', s.hazards, 100_000, (a, b) => `insert into hazards (id, number, enterprise_id, enterprise_name, region_code, title, found_at, found_by,
        source, sector, level, major_basis, status, deadline, closed_at)
      select md5('bench-hz-' || g)::uuid, 'BH-' || g, ${entId('e')}, ${entName('e')}, ${villageOf('e', C)},
        (array[${TITLES}])[1 + g % 8] || '（' || g % 1000 || '）',
        timestamptz '2023-01-01 00:00+08' + ((g * 37) % 1428) * interval '1 day' + (g % 10) * interval '1 hour', '检查员' || g % 50,
        (array['self_check','inspection','supervision','report'])[1 + g % 4], ${entSector('e')},
        case when g % 97 = 0 then 'major' else 'general' end, case when g % 97 = 0 then '判定标准第' || (1 + g % 9) || '条' end,
        (array['pending','rectifying','review','closed','closed','closed','closed','closed'])[1 + g % 8],
        date '2023-01-01' + (g * 37) % 1428 + 20,
        case when g % 8 >= 3 then timestamptz '2023-01-01 00:00+08' + ((g * 37) % 1428 + 10) * interval '1 day' end
      from (select g, 1 + (g * 7) % ${E} as e from generate_series(${a}, ${b}) g) x`, progress)));

  // Inspections (执法检查), completed, over the same four years.
  await timed('inspections', s.inspections, () => withIndexesRebuilt(db, 'enforcement_inspections', () =>
    batched(db, 'enforcement_inspections', s.inspections, 100_000, (a, b) => `insert into enforcement_inspections (id, number, origin, enterprise_id, unit_name, region_code,
        sector, status, planned_on, started_at, ended_at, summary, signer_name)
      select md5('bench-insp-' || g)::uuid, 'BJ-' || g, (array['plan','adhoc','campaign','draw'])[1 + g % 4], ${entId('e')}, ${entName('e')}, ${villageOf('e', C)},
        ${entSector('e')}, 'completed', date '2023-01-01' + (g * 31) % 1428,
        timestamptz '2023-01-01 09:00+08' + ((g * 31) % 1428) * interval '1 day', timestamptz '2023-01-01 11:00+08' + ((g * 31) % 1428) * interval '1 day',
        '检查 ' || (1 + g % 12) || ' 项，发现问题 ' || g % 4 || ' 处', '负责人' || e % 1000
      from (select g, 1 + (g * 13) % ${E} as e from generate_series(${a}, ${b}) g) x`, progress)));

  // Monitoring: devices of 10 sensors each at enterprises, every rule set; the latest value of every sensor.
  const D = Math.ceil(s.sensors / 10);
  await timed('monitoring_devices', D, () => batched(db, 'monitoring_devices', D, 50_000, (a, b) => `insert into monitoring_devices (id, code, name, enterprise_id, region_code, status)
      select md5('bench-dev-' || d)::uuid, 'BD-' || d, '压测采集终端' || d, ${entId('e')}, ${villageOf('e', C)}, 'active'
      from (select d, 1 + (d * 3) % ${E} as e from generate_series(${a}, ${b}) d) x`, progress));
  await timed('monitoring_sensors', s.sensors, () => batched(db, 'monitoring_sensors', s.sensors, 100_000, (a, b) => `insert into monitoring_sensors (id, device_id, code, name, type, unit,
        range_min, range_max, low, high, high_high, hysteresis, alarm_delay_s, rate_limit, stuck_after_s, expected_interval_s)
      select md5('bench-sen-' || g)::uuid, md5('bench-dev-' || (1 + (g - 1) / 10))::uuid, 'S' || (g - 1) % 10, '液位' || (g - 1) % 10, 'level', 'm',
        0, 10, 1, 8, 9, 0.1, 0, 100000, 86400, 3600
      from generate_series(${a}, ${b}) g`, progress));
  await timed('sensor_latest', s.sensors, () => batched(db, 'sensor_latest', s.sensors, 100_000, (a, b) => `insert into sensor_latest (sensor_id, ts, value)
      select md5('bench-sen-' || g)::uuid, timestamptz '${BENCH_TODAY} 00:00+08' - interval '1 hour', 5 + (g % 100) / 100.0
      from generate_series(${a}, ${b}) g`, progress));
  const hours = s.historyDays * 24;
  const perBatch = Math.max(1, Math.floor(200_000 / hours));
  const R = s.sensorsWithHistory * hours;
  await timed('sensor_readings', R, () => batched(db, 'sensor_readings', s.sensorsWithHistory, perBatch, (a, b) => `insert into sensor_readings (sensor_id, ts, value)
      select md5('bench-sen-' || g)::uuid, timestamptz '${BENCH_TODAY} 00:00+08' - (h + 1) * interval '1 hour', 5 + sin(g + h / 24.0) * 2
      from generate_series(${a}, ${b}) g, generate_series(0, ${hours - 1}) h`, (t, done, total, rps) => progress(t, done * hours, total * hours, rps * hours)));
  await timed('sensor_readings_1h', R, () => db.exec(`insert into sensor_readings_1h (sensor_id, bucket, n, sum, min, max)
      select sensor_id, ts, 1, value, value, value from sensor_readings where ts < timestamptz '${BENCH_TODAY} 00:00+08'
      on conflict do nothing`));

  const t0 = performance.now();
  // VACUUM, not only ANALYZE: a bulk-loaded table has no visibility map yet, and without it an index-only scan
  // visits the heap for every row (a county's hazard count at province scale: 5.5 s before, 92 ms after).
  await db.exec('vacuum analyze');
  seconds.analyze = Math.round((performance.now() - t0) / 100) / 10;
  return { rows, seconds };
}
