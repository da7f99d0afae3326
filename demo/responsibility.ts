// 责任体系 and 督查督办 of the demo county, consistent with the report (seed-figures.md rows 1–2): the 安委会 and its
// 13 专业委员会 with member units and 2022 H1 meetings whose decisions are tracked tasks; 51 signed 安全生产责任状
// for 2022 (27 园区及市直单位, 15 乡镇, 9 重点企业) plus 3 registered but not yet signed; 责任清单 for the
// departments; the campaigns as the report names them (敲门行动, 打非治违 and the 4 专项督查: 强对流极端天气, 小水电和自来水厂,
// 国资中心, 道路交通顽瘴痼疾) with tasks and feedback, some overdue.
import { COUNTY_CODE, COUNTY_NAME } from './county.js';
import { BUREAU_NAME, COMMITTEE_NAME, DEPARTMENTS, PROFESSIONAL_COMMITTEES, orgByName, orgsOfKind } from './orgs.js';
import type { DemoContext } from './random.js';
import type { DemoData, OrgRow } from './types.js';

type Row = Record<string, unknown>;
export interface ResponsibilityDemo {
  members: Row[]; meetings: Row[]; tasks: Row[]; pledges: Row[]; duties: Row[]; campaigns: Row[];
}

const at = (day: string, hour = 10) => new Date(Date.parse(`${day}T00:00:00Z`) + (hour - 8) * 3600_000).toISOString();
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86400_000).toISOString().slice(0, 10);
const dept = (short: string) => `${COUNTY_NAME}${DEPARTMENTS.find(([, s]) => s === short)![0]}`;

/** The lead department of each professional committee, and a few more members (short names). */
const COMMITTEE_UNITS: Record<string, [lead: string, members: string[]]> = {
  道路交通安全专业委员会: ['公安局', ['交通局', '教育局', '农业农村局', '城管局']],
  危险化学品安全专业委员会: ['应急管理局', ['工信局', '市场监管局', '公安局', '交通局', '消防大队']],
  非煤矿山安全专业委员会: ['应急管理局', ['自然资源局', '公安局', '市场监管局']],
  工贸行业安全专业委员会: ['工信局', ['应急管理局', '市场监管局', '消防大队']],
  建设工程安全专业委员会: ['住建局', ['交通局', '水利局', '城管局']],
  消防安全专业委员会: ['消防大队', ['住建局', '教育局', '商务局', '文旅广体局', '卫健局']],
  特种设备安全专业委员会: ['市场监管局', ['住建局', '教育局', '卫健局']],
  城镇燃气安全专业委员会: ['住建局', ['市场监管局', '商务局', '城管局', '消防大队']],
  水上交通安全专业委员会: ['交通局', ['水利局', '公安局', '农业农村局']],
  校园安全专业委员会: ['教育局', ['公安局', '卫健局', '市场监管局']],
  文化旅游安全专业委员会: ['文旅广体局', ['公安局', '市场监管局', '消防大队']],
  农业农村安全专业委员会: ['农业农村局', ['水利局', '市场监管局']],
  森林防灭火专业委员会: ['林业局', ['应急管理局', '公安局', '自然资源局']],
};
const EXTRA_UNITS = ['发展和改革局', '财政局', '民政局', '司法局', '生态环境局', '人力资源和社会保障局', '退役军人事务局', '气象局', '国有资产事务中心'];

const DECISIONS = [
  '开展辖区重点行业领域安全风险隐患排查，报送排查整治台账', '落实汛期24小时值班值守制度，报送值班表', '组织本行业领域安全生产月活动并报送活动总结',
  '对上次督查交办问题逐项整改销号，报送整改报告', '完善本行业领域应急预案并组织一次演练', '开展“打非治违”专项行动并报送战果统计',
];
const FEEDBACK = ['已完成排查，建立台账并逐项整改，附整改前后照片。', '已按要求落实，相关制度和台账已报送。', '已组织专项检查，发现问题已整改到位。'];

const CAMPAIGNS: { kind: string; title: string; from: string; to: string; scope: string; teams: string; hazard?: string; task: string }[] = [
  { kind: 'unannounced', title: '2022年安全生产“敲门行动”明察暗访', from: '2022-03-07', to: '2022-05-31', scope: '全市15个镇及3个园区的生产经营单位、人员密集场所',
    teams: '市安委办牵头组成4个暗访组，每组由1名局领导带队', task: '对暗访发现的问题立即整改并报送整改情况' },
  { kind: 'illegal', title: '2022年“打非治违”专项行动督查', from: '2022-04-01', to: '2022-06-30', scope: '非法违法生产经营建设行为多发的镇及行业领域',
    teams: '应急、公安、市场监管、住建联合督查组', task: '报送辖区“打非治违”行动开展情况及查处台账' },
  // The report's 4 专项督查: 强对流极端天气 (its findings are the 备汛检查's hazards), 小水电和自来水厂, 国资中心, 道路交通顽瘴痼疾.
  { kind: 'special', title: '强对流极端天气防范应对专项督查', from: '2022-03-15', to: '2022-06-15', scope: '各镇水库、山塘、堤防及山洪地质灾害点，户外广告、临时建筑',
    teams: '9个备汛检查组', hazard: '2022年备汛检查', task: '完成强对流天气防范和备汛检查发现问题整改，落实水库安全度汛“三个责任人”' },
  { kind: 'special', title: '小水电和自来水厂安全专项督查', from: '2022-04-11', to: '2022-05-31', scope: '全市小水电站和城乡自来水厂', teams: '应急、水利联合督查组',
    task: '对小水电站、自来水厂督查发现问题逐项整改' },
  { kind: 'special', title: '国资中心所属企业安全生产专项督查', from: '2022-05-09', to: '2022-06-10', scope: '市国有资产事务中心所属企业及经营场所',
    teams: '安委办督查组', task: '落实国有企业安全生产主体责任，报送隐患整改台账' },
  { kind: 'special', title: '道路交通安全顽瘴痼疾专项督查', from: '2022-05-16', to: '2022-06-30', scope: '事故多发乡镇、“三车”违法问题突出路段', teams: '公安交警、交通、应急联合督查组',
    task: '开展“三车”违法整治和戴帽工程，报送整治台账' },
];

const DUTIES: [principle: string, duty: string, basis: string][] = [
  ['industry', '将安全生产纳入本行业发展规划和年度工作计划，同部署、同检查、同考核', '《中华人民共和国安全生产法》第三条、第十条'],
  ['industry', '组织开展本行业领域安全风险辨识评估和隐患排查治理，督促整改重大事故隐患', '《中华人民共和国安全生产法》第四十一条'],
  ['business', '在行业审批、许可、资质管理中落实安全条件审查', '《湖南省安全生产条例》第十二条'],
  ['business', '指导本行业生产经营单位开展安全生产标准化建设和从业人员安全培训', '《中华人民共和国安全生产法》第二十八条'],
  ['production', '依法对本行业领域生产经营单位开展监督检查，查处违法违规行为', '《中华人民共和国安全生产法》第六十五条'],
  ['party', '党组（党委）书记、局长为本单位安全生产第一责任人，每季度研究安全生产工作', '《地方党政领导干部安全生产责任制规定》第五条'],
];
const POSTS: [post: string, principle: string, duty: string, basis: string][] = [
  ['局长', 'party', '对本行业领域安全生产工作负全面领导责任，组织制定年度安全生产工作要点', '《地方党政领导干部安全生产责任制规定》第十条'],
  ['分管副局长', 'party', '对分管业务范围内的安全生产工作负直接领导责任，落实“一岗双责”', '《地方党政领导干部安全生产责任制规定》第十一条'],
  ['安全监管股股长', 'production', '组织日常监督检查和隐患督办，建立检查台账', '《中华人民共和国安全生产法》第六十五条'],
];

// Towns answer for their territory (属地管理) under 党政同责、一岗双责.
const TOWN_DUTIES: [post: string | null, principle: string, duty: string, basis: string][] = [
  [null, 'party', '落实属地管理责任，健全镇村两级安全生产网格，组织辖区隐患排查整治', '《湖南省安全生产条例》第八条'],
  ['镇党委书记', 'party', '对本镇安全生产工作负总责，每季度至少专题研究一次安全生产工作', '《地方党政领导干部安全生产责任制规定》第五条'],
  ['镇长', 'party', '对本镇安全生产工作负全面领导责任，组织落实年度安全生产目标任务', '《地方党政领导干部安全生产责任制规定》第九条'],
  ['分管副镇长', 'industry', '具体负责辖区安全生产监督管理和应急管理站日常工作', '《中华人民共和国安全生产法》第九条'],
];

/** Generates the responsibility system and supervision of 2022 H1. */
export function generate(ctx: DemoContext, base: DemoData): { responsibility: ResponsibilityDemo } {
  const out: ResponsibilityDemo = { members: [], meetings: [], tasks: [], pledges: [], duties: [], campaigns: [] };
  const rng = ctx.rng;
  const bureau = orgByName(base, BUREAU_NAME);
  const org = (short: string) => (short === '应急管理局' ? bureau : orgByName(base, dept(short)));
  const towns = orgsOfKind(base, 'town_gov');
  const departments = orgsOfKind(base, 'department');

  // Tasks of a meeting or a campaign: statuses by how far past the deadline the report date (2022-06-30) is.
  const task = (parent: Row, source: 'decision' | 'supervision', title: string, unit: OrgRow, due: string, openChance: number) => {
    const roll = rng.next();
    const status = due > '2022-06-30' ? (roll < 0.5 ? 'answered' : 'open') : roll < openChance ? 'open' : roll < openChance + 0.15 ? 'answered' : 'done';
    const answered = status !== 'open';
    const fbDay = addDays(due, -rng.int(0, 5));
    out.tasks.push({ id: ctx.id(), source, meeting_id: source === 'decision' ? parent.id : null, campaign_id: source === 'supervision' ? parent.id : null, title,
      detail: null, assignee_org_id: unit.id, assignee_name: unit.name, region_code: unit.region_code, due_on: due, status,
      feedback: answered ? rng.pick(FEEDBACK) : null, feedback_files: '{}', feedback_at: answered ? at(fbDay, 16) : null,
      feedback_by_name: answered ? unit.contact : null, done_at: status === 'done' ? at(addDays(fbDay, 2), 11) : null,
      escalated_at: status === 'open' && due < '2022-06-30' ? at(addDays(due, 1), 9) : null, created_at: at(String(parent.held_on ?? parent.period_from), 17) });
  };

  // The 安委会: the bureau (安委办) leads, every department is a member; two plenary meetings.
  const committee = orgByName(base, COMMITTEE_NAME);
  const member = (c: OrgRow, o: OrgRow, role: 'lead' | 'member') => out.members.push({ id: ctx.id(), committee_id: c.id, org_id: o.id, role,
    contact_name: ctx.personName(), contact_phone: ctx.mobile(), duties: role === 'lead' ? '承担专委会办公室日常工作，牵头组织会议和督查' : '按职责做好本行业领域安全监管工作' });
  member(committee, bureau, 'lead');
  departments.forEach((d) => member(committee, d, 'member'));
  const meeting = (c: OrgRow, day: string, title: string, minutes: string, units: OrgRow[], openChance: number) => {
    const m: Row = { id: ctx.id(), committee_id: c.id, held_on: day, title, place: '市政府三楼常务会议室', attendees: '委员会主任、副主任及各成员单位分管负责人', minutes,
      created_at: at(day, 17) };
    out.meetings.push(m);
    units.forEach((u) => task(m, 'decision', rng.pick(DECISIONS), u, addDays(day, rng.int(20, 60)), openChance));
  };
  meeting(committee, '2022-01-18', '2022年市安委会第一次全体会议', '传达上级安全生产工作会议精神，部署春节、全国两会期间安全防范工作，签订2022年度安全生产责任状。',
    [...rng.sample(departments, 5), ...rng.sample(towns, 3)], 0.1);
  meeting(committee, '2022-05-26', '2022年市安委会第二次全体会议', '通报一季度安全生产形势，部署安全生产月和汛期安全防范工作，研究重大事故隐患挂牌督办事项。',
    [...rng.sample(departments, 4), ...rng.sample(towns, 4)], 0.3);

  PROFESSIONAL_COMMITTEES.forEach(([name, short], i) => {
    const c = orgByName(base, name);
    const [lead, members] = COMMITTEE_UNITS[name];
    member(c, org(lead), 'lead');
    members.forEach((m) => member(c, org(m), 'member'));
    const day = addDays('2022-02-21', i * 7 + rng.int(0, 4));
    meeting(c, day, `${short}2022年第一次工作会议`, `分析${short.replace('专委会', '')}领域安全形势，明确2022年重点工作，部署风险隐患排查整治。`,
      [org(lead), ...members.slice(0, 2).map(org)], 0.15);
  });

  // 2022 letters: 27 园区及市直单位 (3 parks, 15 departments, the 9 units above), 15 towns, 9 key enterprises — all signed;
  // plus 3 registered for signing that had not signed when the list was taken.
  const targets = (what: string) => `全年不发生较大及以上生产安全事故；${what}；事故起数和死亡人数较上年下降；重大事故隐患按期整改率100%。`;
  const pledge = (kind: string, o: OrgRow | null, ent: DemoData['enterprises'][number] | null, signed: boolean, name?: string) => out.pledges.push({
    id: ctx.id(), year: 2022, signer_kind: kind, signer_org_id: o?.id ?? null, signer_enterprise_id: ent?.id ?? null, signer_name: name ?? o?.name ?? ent!.name,
    issuer_name: kind === 'key_enterprise' ? '市安委会' : '市人民政府', region_code: o?.region_code ?? ent?.region_code ?? COUNTY_CODE,
    targets: targets(kind === 'town' ? '落实属地管理责任，镇村两级安全网格全覆盖' : kind === 'key_enterprise' ? '落实企业主体责任，全员安全生产责任制全覆盖' : '落实“三个必须”行业监管责任'),
    signed_on: signed ? addDays('2022-01-18', rng.int(0, 20)) : null, file_id: null, created_at: at('2022-01-10') });
  [...orgsOfKind(base, 'park'), ...departments].forEach((o) => pledge('park_unit', o, null, true));
  // Municipal units with no organisation record in the demo sign by name.
  EXTRA_UNITS.forEach((name) => pledge('park_unit', null, null, true, `${COUNTY_NAME}${name}`));
  towns.forEach((o) => pledge('town', o, null, true));
  const keyFirms = base.enterprises.filter((e) => e.sector === 'hazchem' || e.sector === 'non_coal_mine').slice(0, 11);
  keyFirms.slice(0, 9).forEach((e) => pledge('key_enterprise', null, e, true));
  keyFirms.slice(9, 11).forEach((e) => pledge('key_enterprise', null, e, false));
  pledge('other', orgByName(base, '汨水市综合应急救援大队'), null, false);

  // 责任清单: every department's list for 2022 (department level and three posts; the bureau's names its enforcement
// plan), and every town's.
  const plan = base.enforcement.plans[0];
  [bureau, ...departments].forEach((o) => {
    let sort = 0;
    const add = (post: string | null, principle: string, duty: string, basis: string) => out.duties.push({ id: ctx.id(), org_id: o.id, region_code: o.region_code,
      year: 2022, post, principle, duty, legal_basis: basis, enforcement_plan_id: o === bureau && plan ? plan.id : null, sort: ++sort, created_at: at('2022-02-15') });
    DUTIES.forEach(([p, d, b]) => add(null, p, d, b));
    POSTS.forEach(([post, p, d, b]) => add(post, p, d, b));
  });
  towns.forEach((o) => TOWN_DUTIES.forEach(([post, principle, duty, basis], i) => out.duties.push({ id: ctx.id(), org_id: o.id, region_code: o.region_code, year: 2022,
    post, principle, duty, legal_basis: basis, enforcement_plan_id: null, sort: i + 1, created_at: at('2022-02-15') })));

  // Campaigns with tasks to towns (and for 打非治违 also departments).
  CAMPAIGNS.forEach((c, i) => {
    const hazard = c.hazard ? base.campaigns.find((h) => h.name === c.hazard) : undefined;
    const row: Row = { id: ctx.id(), number: `督查〔2022〕${i + 1}号`, kind: c.kind, title: c.title, period_from: c.from, period_to: c.to, scope_text: c.scope,
      teams: c.teams, region_code: COUNTY_CODE, hazard_campaign_id: hazard?.id ?? null, summary: null, created_at: at(c.from, 9) };
    out.campaigns.push(row);
    const units = c.kind === 'illegal' ? [...rng.sample(towns, 5), ...rng.sample(departments, 3)] : rng.sample(towns, c.kind === 'unannounced' ? 8 : 5);
    units.forEach((u) => task(row, 'supervision', `${c.task}（${u.short_name}）`, u, addDays(c.to, -rng.int(0, 20)), 0.2));
  });
  return { responsibility: out };
}
