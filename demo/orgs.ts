// Organisations of the demo county: the bureau and its 股室, industry departments, town
// governments and their 应急管理站, park committees, the 安委会 with its 13 专业委员会, rescue teams.
import { COUNTY_CODE, COUNTY_CODE6, COUNTY_NAME, PARKS, TOWN_NAMES, townCode } from './county.js';
import type { DemoContext } from './random.js';
import type { DemoData, OrgKind, OrgRow } from './types.js';
import { makeUscc } from './uscc.js';

export const BUREAU_NAME = `${COUNTY_NAME}应急管理局`;
export const COMMITTEE_NAME = `${COUNTY_NAME}安全生产委员会`;
export const RESCUE_BRIGADE_NAME = `${COUNTY_NAME}综合应急救援大队`;

/** The bureau's internal 股室: [name, short name]. */
export const BUREAU_UNITS = [
  ['办公室', '办公室'],
  ['安全生产综合协调股', '综合协调股'],
  ['危险化学品安全监督管理股', '危化股'],
  ['非煤矿山和工贸安全监督管理股', '非煤工贸股'],
  ['应急指挥中心', '指挥中心'],
  ['救灾和物资保障股', '救灾股'],
  ['防汛抗旱股', '防汛股'],
  ['政策法规股(执法大队)', '执法大队'],
] as const;

/** Industry departments (行业部门): [name without the city prefix, short name]. */
export const DEPARTMENTS = [
  ['住房和城乡建设局', '住建局'],
  ['交通运输局', '交通局'],
  ['市场监督管理局', '市场监管局'],
  ['消防救援大队', '消防大队'],
  ['教育局', '教育局'],
  ['农业农村局', '农业农村局'],
  ['水利局', '水利局'],
  ['林业局', '林业局'],
  ['公安局', '公安局'],
  ['商务局', '商务局'],
  ['工业和信息化局', '工信局'],
  ['文化旅游广电体育局', '文旅广体局'],
  ['卫生健康局', '卫健局'],
  ['自然资源局', '自然资源局'],
  ['城市管理局', '城管局'],
] as const;

/** The 13 专业委员会 of the 安委会 (report figure #1): [name, short name]. */
export const PROFESSIONAL_COMMITTEES = [
  ['道路交通安全专业委员会', '道路交通专委会'],
  ['危险化学品安全专业委员会', '危险化学品专委会'],
  ['非煤矿山安全专业委员会', '非煤矿山专委会'],
  ['工贸行业安全专业委员会', '工贸行业专委会'],
  ['建设工程安全专业委员会', '建设工程专委会'],
  ['消防安全专业委员会', '消防安全专委会'],
  ['特种设备安全专业委员会', '特种设备专委会'],
  ['城镇燃气安全专业委员会', '城镇燃气专委会'],
  ['水上交通安全专业委员会', '水上交通专委会'],
  ['校园安全专业委员会', '校园安全专委会'],
  ['文化旅游安全专业委员会', '文化旅游专委会'],
  ['农业农村安全专业委员会', '农业农村专委会'],
  ['森林防灭火专业委员会', '森林防灭火专委会'],
] as const;

/** Park management committees, by park region name. */
export const PARK_COMMITTEES: Record<(typeof PARKS)[number]['name'], readonly [string, string]> = {
  高新区: ['汨水高新技术产业开发区管理委员会', '高新区管委会'],
  循环园: ['汨水循环经济产业园管理委员会', '循环园管委会'],
  飞地园: ['汨水飞地产业园管理委员会', '飞地园管委会'],
};

/** The organisation with this name (throws when absent). */
export function orgByName(base: Pick<DemoData, 'organizations'>, name: string): OrgRow {
  const o = base.organizations.find((x) => x.name === name);
  if (!o) throw new Error(`demo: no organisation named ${name}`);
  return o;
}

/** The organisations of one kind, in generation order. */
export function orgsOfKind(base: Pick<DemoData, 'organizations'>, kind: OrgKind): OrgRow[] {
  return base.organizations.filter((o) => o.kind === kind);
}

/** Generates every organisation row, parents before children. */
export function generate(ctx: DemoContext): { organizations: OrgRow[] } {
  const rows: OrgRow[] = [];
  const usedBodies = new Set<string>();
  // 统一社会信用代码 for bodies that hold one: '11' 机关, '12' 事业单位.
  const credit = (kind: '11' | '12') => {
    let body = ctx.rng.digits(8);
    while (usedBodies.has(body)) body = ctx.rng.digits(8);
    usedBodies.add(body);
    return makeUscc(kind, COUNTY_CODE6, body);
  };
  const add = (
    name: string, shortName: string, kind: OrgKind, region: string, parent: OrgRow | null,
    sort: number, creditCode: string | null = null,
  ): OrgRow => {
    const row: OrgRow = {
      id: ctx.id(), parent_id: parent?.id ?? null, name, short_name: shortName, kind,
      region_code: region, credit_code: creditCode, contact: ctx.personName(), phone: ctx.mobile(), sort,
    };
    rows.push(row);
    return row;
  };

  const bureau = add(BUREAU_NAME, '应急管理局', 'bureau', COUNTY_CODE, null, 1, credit('11'));
  BUREAU_UNITS.forEach(([name, short], i) => add(name, short, 'other', COUNTY_CODE, bureau, i + 1));

  DEPARTMENTS.forEach(([name, short], i) =>
    add(`${COUNTY_NAME}${name}`, short, 'department', COUNTY_CODE, null, 10 + i, credit('11')));

  TOWN_NAMES.forEach((town, i) => {
    const code = townCode(town);
    const gov = add(`${town}人民政府`, town, 'town_gov', code, null, 100 + i, credit('11'));
    add(`${town}应急管理站`, `${town.replace(/镇$/, '')}应急站`, 'town_station', code, gov, 1);
  });

  PARKS.forEach((p, i) => {
    const [name, short] = PARK_COMMITTEES[p.name];
    add(name, short, 'park', p.code, null, 200 + i, credit('11'));
  });

  const committee = add(COMMITTEE_NAME, '市安委会', 'committee', COUNTY_CODE, null, 300);
  PROFESSIONAL_COMMITTEES.forEach(([name, short], i) =>
    add(name, short, 'professional_committee', COUNTY_CODE, committee, i + 1));

  const brigade = add(RESCUE_BRIGADE_NAME, '综合救援大队', 'rescue_team', COUNTY_CODE, null, 400, credit('12'));
  TOWN_NAMES.forEach((town, i) =>
    add(`${town}应急救援分队`, `${town.replace(/镇$/, '')}分队`, 'rescue_team', townCode(town), brigade, i + 1));

  return { organizations: rows };
}
