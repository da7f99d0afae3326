// The demo county's emergency plans (数字化应急预案): the 总体预案, seven 专项预案, three 部门预案, a plan for each of the
// 15 towns and the key enterprises' plans (filed, with revision dates, some due soon after the report period), each
// with structured levels, triggers (DOMAIN.md §5 thresholds for production-safety accidents), groups and actions.
// The 危险化学品 plan has two versions to diff (2019版 superseded by 2022版); the 森林火灾 plan has a revision in 会签.
// Drills in 2022 H1: 34, of which 4 are flood drills (report: 应急演练 30+ 次; 防汛 演练 4 场次). The 267 flood
// 方案预案 of the report are village/reservoir plans that belong to the flood issue (#8), not here.
import type { IncidentKind, PlanContent } from '../contracts/command-plans.js';
import { COUNTY_CODE, COUNTY_NAME, TOWN_NAMES, townCode } from './county.js';
import { demoEnterprise } from './enterprises.js';
import { BUREAU_NAME, orgByName } from './orgs.js';
import type { DemoContext } from './random.js';
import type { DemoData, OrgRow } from './types.js';

export interface CommandPlanRow {
  id: string; kind: string; title: string; owner_org_id: string | null; enterprise_id: string | null; region_code: string; scope_kinds: string[];
  published_version_id: string | null; filing_status: string | null; filing_version_id: string | null; filing_submitted_at: string | null;
  filing_number: string | null; filed_on: string | null; filing_review: string | null; revision_due: string | null; created_at: string; updated_at: string;
}
export interface CommandPlanVersionRow {
  id: string; plan_id: string; version_no: number; label: string; status: string; content: PlanContent; change_note: string | null;
  submitted_at: string | null; decided_at: string | null; decision_comment: string | null; published_at: string | null; created_at: string; updated_at: string;
}
export interface CommandPlanCountersignRow {
  id: string; version_id: string; org_id: string; round: number; opinion: string | null; comment: string | null; signed_at: string | null; invited_at: string;
}
export interface CommandPlanDrillRow {
  id: string; plan_id: string; region_code: string; enterprise_id: string | null; drilled_on: string; kind: string; title: string; level: number | null;
  participants: number; participant_units: string | null; evaluation: string | null; problems: string | null; created_at: string;
}
export interface CommandPlansDemo {
  plans: CommandPlanRow[]; versions: CommandPlanVersionRow[]; countersigns: CommandPlanCountersignRow[]; drills: CommandPlanDrillRow[];
}

type Base = Pick<DemoData, 'regions' | 'organizations' | 'enterprises'>;
const C = COUNTY_NAME;
const at = (day: string, hh = '10') => `${day}T${hh}:00:00+08:00`;
const NO_TRIGGERS = { thresholds: [], grades: [], beyondTownCapacity: false, beyondCountyCapacity: false, kinds: [], text: '' };
type Th = PlanContent['levels'][number]['triggers']['thresholds'];

/** 生产安全事故 response levels after the national plan (DOMAIN.md §5); Ⅱ and Ⅳ follow the pattern [M]. */
function safetyLevels(): PlanContent['levels'] {
  const lv = (level: 1 | 2 | 3 | 4, name: string, thresholds: Th, extra: Partial<PlanContent['levels'][number]['triggers']>) =>
    ({ level, name, triggers: { ...NO_TRIGGERS, thresholds, ...extra } });
  return [
    lv(1, '特别重大事故响应', [{ metric: 'deadMissing', min: 30 }, { metric: 'trapped', min: 30 }, { metric: 'injured', min: 100 }, { metric: 'lossWan', min: 10000 }, { metric: 'relocated', min: 100000 }],
      { grades: ['especially_major'], text: '跨省级行政区域，或超出省级人民政府处置能力' }),
    lv(2, '重大事故响应', [{ metric: 'deadMissing', min: 10 }, { metric: 'trapped', min: 20 }, { metric: 'injured', min: 50 }, { metric: 'lossWan', min: 5000 }, { metric: 'relocated', min: 10000 }],
      { grades: ['major'], text: '跨市级行政区域，或超出市级人民政府处置能力' }),
    lv(3, '较大事故响应', [{ metric: 'deadMissing', min: 3 }, { metric: 'trapped', min: 10 }, { metric: 'injured', min: 30 }, { metric: 'lossWan', min: 1000 }, { metric: 'relocated', min: 1000 }],
      { grades: ['larger'], beyondCountyCapacity: true, text: '' }),
    lv(4, '一般事故响应', [{ metric: 'deadMissing', min: 1 }, { metric: 'trapped', min: 1 }, { metric: 'injured', min: 3 }, { metric: 'lossWan', min: 100 }, { metric: 'relocated', min: 100 }],
      { beyondTownCapacity: true, text: '事故发生在人员密集场所或敏感时段，社会影响较大' }),
  ];
}

/** 自然灾害 levels (防汛、地灾、森林火灾、救助): local settings, by casualties and people to relocate. */
function disasterLevels(what: string): PlanContent['levels'] {
  const lv = (level: 1 | 2 | 3 | 4, dm: number, rel: number, text: string) => ({ level, name: `${what}${['', 'Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ'][level]}级应急响应`,
    triggers: { ...NO_TRIGGERS, thresholds: [{ metric: 'deadMissing' as const, min: dm }, { metric: 'relocated' as const, min: rel }], beyondCountyCapacity: level <= 2, beyondTownCapacity: level === 4, text } });
  return [
    lv(1, 10, 50000, '气象部门发布暴雨红色预警且主要江河发生超保证水位洪水'),
    lv(2, 5, 20000, '主要江河发生超警戒水位洪水，或小型水库出现重大险情'),
    lv(3, 3, 5000, '气象部门发布暴雨橙色预警，或山洪灾害危险区需大范围转移'),
    lv(4, 1, 500, '气象部门发布暴雨黄色预警，或一处以上发生山洪、滑坡等险情'),
  ];
}

interface GroupSpec { name: string; lead: string; members: string[]; duties: string; acts: [level: number, action: string, due: number | null][] }

/** The county's usual 指挥部 working groups, with actions that grow with the level (a higher level keeps the lower one's). */
function countyGroups(base: Base, focus: string): GroupSpec[] {
  return [
    { name: '综合协调组', lead: BUREAU_NAME, members: [`${C}人民政府办公室`, `${C}公安局`], duties: '负责指挥部日常工作，传达指令，汇总信息，向上级报告',
      acts: [[4, '接报后 30 分钟内电话报告市人民政府值班室，1 小时内书面报告', 60], [3, '通知指挥部成员单位负责人赶赴现场，开设现场指挥部', 60], [2, '报请岳阳市启动相应应急响应，做好上级工作组对接', 120], [1, '服从上级指挥部统一指挥，落实上级指令', null]] },
    { name: '抢险救援组', lead: `${C}消防救援大队`, members: [`${C}综合应急救援大队`, '事发单位专职救援队'], duties: `负责${focus}现场人员搜救、险情控制和工程抢险`,
      acts: [[4, '调派就近救援力量赶赴现场开展先期处置', 30], [3, '调集专业救援队伍和专家，制定抢险方案', 90], [2, '请求岳阳市支援专业救援力量和大型装备', 120], [1, '组织全部救援力量轮换作业，必要时请求省级支援', null]] },
    { name: '医疗救护组', lead: `${C}卫生健康局`, members: [`${C}人民医院`, `${C}中医医院`], duties: '负责伤员现场急救、转运和医院救治',
      acts: [[4, '调派 120 急救车辆和医护人员赶赴现场', 30], [3, '开通绿色通道，组织专家会诊，统计伤亡人数', 60], [1, '请求上级医疗专家和血液支援', null]] },
    { name: '治安警戒组', lead: `${C}公安局`, members: [`${C}交通运输局`], duties: '负责现场警戒、交通管制、人员疏散和治安维护',
      acts: [[4, '设置警戒区域，实施交通管制', 30], [3, '组织警戒区内群众疏散，保障救援通道畅通', 60], [2, '对相关责任人员依法采取控制措施', null]] },
    { name: '后勤保障组', lead: orgByName(base, `${C}商务局`).name, members: [BUREAU_NAME, `${C}交通运输局`], duties: '负责应急物资、车辆、通信和生活保障',
      acts: [[3, '从市级物资储备库调拨应急物资，保障现场用电、通信', 120], [2, '征用社会车辆和大型机械，保障救援人员食宿', null]] },
    { name: '宣传报道组', lead: '中共汨水市委宣传部', members: [`${C}文化旅游广电体育局`], duties: '负责信息发布、舆情监测和新闻媒体接待',
      acts: [[3, '5 小时内发布权威信息，24 小时内举行新闻发布会', 300], [2, '组织新闻发布会，持续跟踪舆情', null]] },
    { name: '善后处置组', lead: '事发地乡镇人民政府', members: [`${C}民政局`, `${C}人力资源和社会保障局`], duties: '负责遇难人员家属安抚、理赔和受灾群众安置',
      acts: [[3, '做好伤亡人员家属接待和安抚工作', 240], [2, '组织保险理赔和善后补偿', null]] },
  ];
}

/** Content from the groups: each group's action at level L also applies at every higher level (Ⅰ keeps Ⅳ's). */
function contentOf(base: Base, ctx: DemoContext, summary: string, commander: string, deputies: string[], office: string, levels: PlanContent['levels'], groups: GroupSpec[]): PlanContent {
  const orgIds = new Map(base.organizations.map((o) => [o.name, o.id]));
  const defined = new Set(levels.map((l) => l.level));
  let n = 0;
  const actions: PlanContent['actions'] = [];
  for (const level of [4, 3, 2, 1]) {
    if (!defined.has(level)) continue;
    for (const g of groups) for (const [from, action, due] of g.acts) if (from >= level) actions.push({ id: `a${++n}`, level, role: g.name, action, dueMinutes: due });
  }
  void ctx;
  return {
    summary, command: { commander, deputies, office },
    groups: groups.map((g, i) => ({ id: `g${i + 1}`, name: g.name, leadUnit: g.lead, leadOrgId: orgIds.get(g.lead) ?? null, members: g.members, duties: g.duties })),
    levels, actions,
  };
}

const ALL_KINDS: IncidentKind[] = ['hazchem', 'mine', 'fireworks', 'industrial', 'fire', 'forest_fire', 'flood', 'geological', 'weather', 'earthquake', 'traffic', 'other'];

export function generate(ctx: DemoContext, base: Base): { commandPlans: CommandPlansDemo } {
  const r = ctx.rng;
  const out: CommandPlansDemo = { plans: [], versions: [], countersigns: [], drills: [] };
  const bureau = orgByName(base, BUREAU_NAME);

  const addPlan = (p: { kind: string; title: string; owner: OrgRow | null; enterpriseId?: string; region: string; scope: IncidentKind[]; created: string }) => {
    const row: CommandPlanRow = { id: ctx.id(), kind: p.kind, title: p.title, owner_org_id: p.owner?.id ?? null, enterprise_id: p.enterpriseId ?? null, region_code: p.region,
      scope_kinds: p.scope, published_version_id: null, filing_status: null, filing_version_id: null, filing_submitted_at: null, filing_number: null, filed_on: null,
      filing_review: null, revision_due: null, created_at: at(p.created), updated_at: at(p.created) };
    out.plans.push(row);
    return row;
  };
  const addVersion = (plan: CommandPlanRow, label: string, content: PlanContent, status: string, day: string, note: string | null = null) => {
    const no = out.versions.filter((v) => v.plan_id === plan.id).length + 1;
    const published = status === 'published' || status === 'superseded';
    const v: CommandPlanVersionRow = { id: ctx.id(), plan_id: plan.id, version_no: no, label, status, content, change_note: note,
      submitted_at: published || status === 'approval' ? at(day, '09') : null, decided_at: published ? at(day) : null,
      decision_comment: published ? '同意发布实施' : null, published_at: published ? at(day) : null, created_at: at(day, '08'), updated_at: at(day) };
    out.versions.push(v);
    if (status === 'published') { plan.published_version_id = v.id; plan.updated_at = v.updated_at; }
    return v;
  };
  const drill = (plan: CommandPlanRow, day: string, kind: 'tabletop' | 'live', title: string, participants: number, units: string, problems: string | null) => {
    out.drills.push({ id: ctx.id(), plan_id: plan.id, region_code: plan.region_code, enterprise_id: plan.enterprise_id, drilled_on: day, kind, title, level: kind === 'live' ? 4 : null,
      participants, participant_units: units, evaluation: r.pick(['演练达到预期目的，各组响应迅速、配合顺畅', '整体组织有序，信息报送及时，个别环节衔接不够紧密', '基本达到演练目的，需加强装备操作训练']),
      problems, created_at: at(day, '18') });
  };

  // 总体预案
  const overall = addPlan({ kind: 'overall', title: `${C}突发事件总体应急预案`, owner: bureau, region: COUNTY_CODE, scope: ALL_KINDS, created: '2020-03-02' });
  addVersion(overall, '2020版', contentOf(base, ctx, `本预案是${C}应对各类突发事件的总纲，适用于本市行政区域内自然灾害、事故灾难、公共卫生事件和社会安全事件的应对工作。`,
    '市长', ['常务副市长', '分管应急管理工作的副市长'], `指挥部办公室设在${BUREAU_NAME}`, safetyLevels(), countyGroups(base, '突发事件')), 'published', '2020-04-15');
  drill(overall, '2022-05-12', 'tabletop', '突发事件总体应急预案桌面推演', 60, '市应急委成员单位', '部分成员单位对响应程序不熟悉');

  // 专项预案
  const specials: { title: string; scope: IncidentKind[]; owner: string; focus: string; disaster?: string; created: string; published: string }[] = [
    { title: `${C}危险化学品事故应急预案`, scope: ['hazchem'], owner: BUREAU_NAME, focus: '危险化学品泄漏、火灾、爆炸', created: '2019-05-06', published: '2019-06-20' },
    { title: `${C}防汛抗旱应急预案`, scope: ['flood', 'weather'], owner: BUREAU_NAME, focus: '洪涝、山洪', disaster: '防汛', created: '2021-03-01', published: '2021-04-10' },
    { title: `${C}森林火灾应急预案`, scope: ['forest_fire'], owner: `${C}林业局`, focus: '森林火灾扑救', disaster: '森林火灾', created: '2020-09-01', published: '2020-10-28' },
    { title: `${C}地质灾害应急预案`, scope: ['geological'], owner: `${C}自然资源局`, focus: '滑坡、泥石流、崩塌', disaster: '地质灾害', created: '2021-02-01', published: '2021-03-18' },
    { title: `${C}矿山事故应急预案`, scope: ['mine'], owner: BUREAU_NAME, focus: '矿山坍塌、透水、爆破', created: '2020-06-01', published: '2020-07-09' },
    { title: `${C}烟花爆竹事故应急预案`, scope: ['fireworks'], owner: BUREAU_NAME, focus: '烟花爆竹燃烧、爆炸', created: '2020-11-02', published: '2020-12-15' },
    { title: `${C}自然灾害救助应急预案`, scope: ['flood', 'geological', 'weather', 'earthquake', 'forest_fire'], owner: BUREAU_NAME, focus: '受灾群众转移安置和生活救助', disaster: '自然灾害救助', created: '2021-05-06', published: '2021-06-22' },
  ];
  for (const s of specials) {
    const plan = addPlan({ kind: 'special', title: s.title, owner: orgByName(base, s.owner), region: COUNTY_CODE, scope: s.scope, created: s.created });
    const content = contentOf(base, ctx, `为规范${s.focus}等突发事件的应急处置，最大限度减少人员伤亡和财产损失，制定本预案。适用于本市行政区域内${s.focus}事件的应对。`,
      '分管副市长', [`${s.owner}局长`, `${C}人民政府办公室副主任`], `指挥部办公室设在${s.owner}`, s.disaster ? disasterLevels(s.disaster) : safetyLevels(), countyGroups(base, s.focus));
    if (s.scope[0] === 'hazchem') {
      // 2019版 → 2022版: Ⅳ级 injured threshold lowered to 3, an environmental monitoring group added, faster first report, a new Ⅲ级 action.
      const old = structuredClone(content);
      old.levels.find((l) => l.level === 4)!.triggers.thresholds = old.levels.find((l) => l.level === 4)!.triggers.thresholds.map((t) => (t.metric === 'injured' ? { ...t, min: 5 } : t));
      old.levels.find((l) => l.level === 4)!.triggers.text = '';
      old.actions = old.actions.map((a) => (a.action.startsWith('接报后 30 分钟') ? { ...a, action: '接报后 1 小时内向市人民政府报告', dueMinutes: 60 } : a));
      old.summary = `为规范危险化学品事故的应急处置，制定本预案。适用于本市行政区域内危险化学品生产、储存、使用、经营和运输过程中发生的事故。`;
      const v1 = addVersion(plan, '2019版', old, 'superseded', s.published);
      const env = { id: `g${content.groups.length + 1}`, name: '环境监测组', leadUnit: '岳阳市生态环境局汨水分局', leadOrgId: null, members: [`${C}气象局`, `${C}水利局`], duties: '负责事故现场及周边大气、水体环境监测，提出防止次生环境污染的建议' };
      content.groups.push(env);
      let n = content.actions.length;
      for (const level of [3, 2, 1]) content.actions.push({ id: `a${++n}`, level, role: env.name, action: '在事故现场下风向布设监测点，每小时报告有毒有害气体浓度', dueMinutes: 60 });
      const v2 = addVersion(plan, '2022版', content, 'published', '2022-03-25', '依据新修订的《中华人民共和国安全生产法》修订：降低Ⅳ级响应重伤人数门槛，新增环境监测组，缩短首报时限');
      for (const org of [`${C}公安局`, `${C}消防救援大队`, `${C}卫生健康局`, `${C}交通运输局`, `${C}工业和信息化局`]) {
        out.countersigns.push({ id: ctx.id(), version_id: v2.id, org_id: orgByName(base, org).id, round: 1, opinion: 'agree',
          comment: org.endsWith('交通运输局') ? '建议明确危化品运输车辆事故的道路管制分工' : null, signed_at: at('2022-03-10'), invited_at: at('2022-03-01') });
      }
      void v1;
      drill(plan, '2022-06-16', 'live', '危险化学品泄漏事故应急救援实战演练', 180, '市应急管理局、消防救援大队、循环园管委会、恒达化工', '警戒区划定偏小；现场通信一度中断');
    } else addVersion(plan, s.published.slice(0, 4) + '版', content, 'published', s.published);
    if (s.scope[0] === 'forest_fire') {
      // A revision in 会签: two units have answered, one has not.
      const draft = structuredClone(content);
      draft.summary += '（2022年修订稿：增加以水灭火和无人机巡护内容）';
      const v = addVersion(plan, '2022修订稿', draft, 'countersign', '2022-06-08', '增加以水灭火、无人机巡护要求');
      [[`${C}应急管理局`, 'agree', null], [`${C}公安局`, 'agree', '同意'], [`${C}交通运输局`, null, null]].forEach(([org, opinion, comment]) =>
        out.countersigns.push({ id: ctx.id(), version_id: v.id, org_id: orgByName(base, org!).id, round: 1, opinion, comment, signed_at: opinion ? at('2022-06-20') : null, invited_at: at('2022-06-15') }));
    }
    // One drill, two plans: the 防汛 drill exercised the 自然灾害救助 plan too, recorded under it by what it tested there
    // (so that the report's 防汛 演练 4 场次 counts the flood drill once).
    if (s.scope[0] === 'flood') {
      const flood = s.disaster === '防汛';
      drill(plan, '2022-04-22', 'live', flood ? '防汛抢险综合应急演练' : '受灾群众转移安置和生活救助演练', 320, flood ? '市防汛抗旱指挥部成员单位、各乡镇' : '市减灾委员会成员单位、各乡镇', '部分乡镇转移路线标识不清');
    }
    if (s.scope[0] === 'mine') drill(plan, '2022-03-30', 'tabletop', '非煤矿山坍塌事故桌面推演', 45, '市应急管理局、自然资源局、各采石场', null);
  }

  // 部门预案
  for (const [org, title, scope] of [
    ['交通运输局', '道路运输生产安全事故应急预案', ['traffic']], ['住房和城乡建设局', '建设工程生产安全事故应急预案', ['industrial']], ['消防救援大队', '灭火救援应急预案', ['fire']],
  ] as const) {
    const owner = orgByName(base, `${C}${org}`);
    const plan = addPlan({ kind: 'department', title: `${C}${org}${title}`, owner, region: COUNTY_CODE, scope: [...scope], created: '2021-07-01' });
    addVersion(plan, '2021版', contentOf(base, ctx, `${owner.name}${title}，适用于本部门职责范围内事故的先期处置和应急救援。`, `${owner.name}主要负责人`, [`${owner.name}分管负责人`], `办公室设在${owner.name}`,
      safetyLevels().filter((l) => l.level >= 3), countyGroups(base, title).slice(0, 4)), 'published', '2021-08-' + String(10 + r.int(0, 15)));
  }

  // 乡镇预案: all 15 towns; flood drills at three of them, other drills spread.
  const townScope: IncidentKind[] = ['flood', 'geological', 'forest_fire', 'fire', 'weather', 'mine', 'hazchem', 'fireworks', 'other'];
  TOWN_NAMES.forEach((town, i) => {
    const gov = orgByName(base, `${town}人民政府`);
    const plan = addPlan({ kind: 'town', title: `${town}突发事件应急预案`, owner: gov, region: townCode(town), scope: townScope, created: '2021-04-01' });
    const levels = safetyLevels().filter((l) => l.level >= 3).map((l) => (l.level === 3 ? { ...l, name: '报请市级响应', triggers: { ...l.triggers, beyondCountyCapacity: false, beyondTownCapacity: true } } : { ...l, name: '乡镇先期处置' }));
    const groups: GroupSpec[] = [
      { name: '综合协调组', lead: `${town}应急管理站`, members: [`${town}党政办`], duties: '信息报送、上传下达', acts: [[4, '接报后 30 分钟内报告市应急管理局', 30], [3, '配合市级指挥部开展工作', null]] },
      { name: '转移安置组', lead: `${town}人民政府`, members: ['各村（社区）'], duties: '组织危险区群众转移、安置和生活保障', acts: [[4, '按“户包人、村包户、干部包村”组织群众转移', 60], [3, '开放避灾安置点，统计转移人数', 120]] },
      { name: '抢险救援组', lead: `${town}应急救援队`, members: ['村（社区）应急分队'], duties: '先期处置、巡查排险', acts: [[4, '组织应急分队赶赴现场先期处置', 30]] },
    ];
    addVersion(plan, '2021版', contentOf(base, ctx, `${town}应对辖区内各类突发事件的综合预案，重点是汛期山洪、地质灾害和森林火灾的先期处置与群众转移。`, `${town}党委书记、镇长`, ['分管应急副镇长'], `${town}应急管理站`, levels, groups),
      'published', `2021-05-${String(6 + i).padStart(2, '0')}`);
    const month = String(1 + (i % 6)).padStart(2, '0');
    if (i < 3) drill(plan, `2022-05-${String(18 + i).padStart(2, '0')}`, 'live', `${town}防汛山洪灾害防御转移演练`, 80 + r.int(0, 120), `${town}人民政府、各村（社区）`, '个别村预警锣鼓哨未及时响应');
    else drill(plan, `2022-${month}-${String(8 + r.int(0, 18)).padStart(2, '0')}`, r.chance(0.5) ? 'live' : 'tabletop', `${town}${r.pick(['森林防灭火', '地质灾害避险', '消防疏散', '综合应急'])}演练`, 30 + r.int(0, 150), `${town}人民政府、应急救援队`, null);
  });

  // 企业预案: key hazchem works, all mines, fireworks factories and LPG stations; filed with revision dates.
  const star = demoEnterprise(base);
  const pick = (sector: string, subtype: string | null, n: number) => base.enterprises.filter((e) => e.sector === sector && e.is_key && e.status === 'operating' && (subtype === null || e.subtype === subtype)).slice(0, n);
  const enterprises = [star, ...pick('hazchem', null, 9).filter((e) => e.id !== star.id), ...pick('non_coal_mine', null, 5), ...pick('fireworks', null, 2), ...pick('gas', '液化气站', 3)];
  const kindOf: Record<string, IncidentKind[]> = { hazchem: ['hazchem', 'fire'], non_coal_mine: ['mine', 'geological'], fireworks: ['fireworks', 'fire'], gas: ['hazchem', 'fire'] };
  let filing = 0;
  enterprises.forEach((e, i) => {
    const plan = addPlan({ kind: 'enterprise', title: `${e.name}生产安全事故应急预案`, owner: null, enterpriseId: e.id, region: e.region_code, scope: kindOf[e.sector] ?? ['industrial'], created: '2019-07-01' });
    const levels: PlanContent['levels'] = [
      { level: 3, name: '车间级响应', triggers: { ...NO_TRIGGERS, text: '少量泄漏或初起火灾，车间（岗位）能够控制' } },
      { level: 2, name: '公司级响应', triggers: { ...NO_TRIGGERS, thresholds: [{ metric: 'injured', min: 1 }, { metric: 'trapped', min: 1 }], text: '险情超出车间控制能力' } },
      { level: 1, name: '社会级响应（扩大应急）', triggers: { ...NO_TRIGGERS, thresholds: [{ metric: 'deadMissing', min: 1 }, { metric: 'trapped', min: 3 }, { metric: 'injured', min: 3 }], beyondTownCapacity: true, text: '事故可能波及厂外，需请求政府和社会救援力量' } },
    ];
    const groups: GroupSpec[] = [
      { name: '总指挥', lead: `${e.name}`, members: [], duties: '总经理任总指挥，决定启动和终止应急响应', acts: [[3, '确认险情，决定启动响应级别', 10], [1, '向园区管委会和市应急管理局报告，请求支援', 60]] },
      { name: '抢险组', lead: '生产部', members: ['设备部', '专职消防队'], duties: '切断物料、堵漏、灭火', acts: [[3, '关闭紧急切断阀，切断泄漏源', 10], [2, '启动消防水炮和喷淋系统控制事态', 20]] },
      { name: '警戒疏散组', lead: '安全环保部', members: ['门卫'], duties: '设置警戒，疏散无关人员', acts: [[2, '在上风向集合点清点人数', 15], [1, '配合公安实施厂外道路管制和周边群众疏散', 30]] },
      { name: '医疗救护组', lead: '综合办公室', members: [], duties: '伤员急救和送医', acts: [[2, '对受伤人员现场急救并拨打 120', 15]] },
    ];
    const year = 2019 + (i % 3);
    const published = `${year}-${String(3 + (i % 9)).padStart(2, '0')}-${String(5 + (i % 20)).padStart(2, '0')}`;
    const v = addVersion(plan, `${year}版`, contentOf(base, ctx, `${e.name}综合应急预案、专项应急预案和现场处置方案，适用于本单位生产安全事故的应急处置。`, '总经理', ['分管安全副总经理'], '安全环保部',
      levels, groups), 'published', published);
    if (i === enterprises.length - 1) {
      plan.filing_status = 'submitted'; plan.filing_version_id = v.id; plan.filing_submitted_at = at('2022-06-24');
    } else {
      filing++;
      const [y, m, d] = published.split('-');
      const filed = `${y}-${m}-${String(Math.min(28, Number(d) + 3)).padStart(2, '0')}`;
      Object.assign(plan, { filing_status: 'filed', filing_version_id: v.id, filing_submitted_at: at(published, '15'), filing_number: `汨应急预备〔${y}〕${filing}号`, filed_on: filed,
        filing_review: '形式审查合格，予以备案', revision_due: `${year + 3}-${m}-${d}` });
    }
    // 现场处置方案 drills every half-year: most did one in 2022 H1, some are overdue.
    if (i % 4 !== 3) drill(plan, `2022-${String(1 + (i % 6)).padStart(2, '0')}-${String(10 + (i % 15)).padStart(2, '0')}`, i % 2 ? 'live' : 'tabletop',
      `${e.name}${r.pick(['泄漏处置', '火灾扑救', '人员疏散', '中毒窒息救援'])}现场处置演练`, 15 + r.int(0, 60), `${e.name}各部门`, r.chance(0.4) ? '个别员工不会正确佩戴空气呼吸器' : null);
    else drill(plan, '2021-09-15', 'live', `${e.name}综合应急演练`, 40, `${e.name}各部门`, null);
  });
  return { commandPlans: out };
}
