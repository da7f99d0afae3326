// 宣传教育培训与应急演练 of the demo county (issue #9, seed-figures.md #4, #16, #18): the bureau's and the towns' own
// activities of 2022 H1 (安全生产月 and its 宣传咨询日, 5·12 防灾减灾日, the 知识竞赛 in three rounds, 警示教育, 专题学习,
// 进校园/进企业/进社区, 防汛宣传), the 高新区 企业负责人培训会 and other training with certificates (三项岗位), and the
// detail of the plans' 34 drills of 2022 H1 (scenario, timeline, evaluation, the problems found as tracked tasks,
// one of them the hazard the 恒达化工 drill raised). The report's material totals come from the units' returns
// (demo/returns.ts, XC-CL and GX-DX); the activities here are a detailed part of that work, so their counts are
// deliberately smaller and are never added to the returns (server/domains/outreach/outreach.stats.ts).
import { PARKS, TOWN_NAMES, townCode } from './county.js';
import { BUREAU_NAME, orgByName } from './orgs.js';
import type { DemoContext } from './random.js';
import type { DemoData } from './types.js';

type Row = Record<string, unknown>;
export interface OutreachDemo { activities: Row[]; trainings: Row[]; certificates: Row[]; drillDetails: Row[]; drillProblems: Row[] }
type Base = Pick<DemoData, 'regions' | 'organizations' | 'enterprises' | 'accounts' | 'commandPlans' | 'hazards'>;

const COUNTY = '430699000000';
const at = (day: string, hour: number) => new Date(Date.parse(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`)).toISOString();
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86400_000).toISOString().slice(0, 10);
const addYears = (day: string, n: number) => `${Number(day.slice(0, 4)) + n}${day.slice(4)}`;

export function generate(ctx: DemoContext, base: Base): { outreach: OutreachDemo } {
  const rng = ctx.rng;
  const out: OutreachDemo = { activities: [], trainings: [], certificates: [], drillDetails: [], drillProblems: [] };
  const bureau = orgByName(base, BUREAU_NAME);
  const staff = base.accounts.find((a) => a.username === 'staff')!;
  const station = (town: string) => orgByName(base, `${town}应急管理站`);

  type M = Partial<Record<'vans' | 'slogans' | 'sms' | 'brochures' | 'boards' | 'films', number>>;
  const activity = (kind: string, title: string, day: string, region: string, place: string, participants: number, m: M,
    o: { organiser?: string; orgId?: string; rounds?: number; description?: string } = {}) => {
    out.activities.push({ id: ctx.id(), kind, title, organiser: o.organiser ?? BUREAU_NAME, organiser_org_id: o.orgId ?? bureau.id, region_code: region, place,
      held_on: day, participants, rounds: o.rounds ?? null, vans: m.vans ?? 0, slogans: m.slogans ?? 0, sms: m.sms ?? 0, brochures: m.brochures ?? 0,
      boards: m.boards ?? 0, films: m.films ?? 0, description: o.description ?? null, photos: [], created_by: staff.id, created_at: at(day, 18), updated_at: at(day, 18) });
  };

  // The county's own events.
  activity('safety_month', '2022 年“安全生产月”活动启动仪式', '2022-06-01', COUNTY, '屈原大道市民广场', 420, { vans: 12, slogans: 60, brochures: 1500, boards: 24 },
    { description: '主题“遵守安全生产法，当好第一责任人”，市安委会成员单位、重点企业代表参加。' });
  activity('consultation', '安全生产月 宣传咨询日', '2022-06-16', COUNTY, '欢乐水岸广场', 1600, { vans: 8, slogans: 40, brochures: 3200, boards: 36 },
    { description: '各成员单位设咨询台，现场解答群众安全生产、消防、燃气、道路交通安全问题，发放宣传资料。' });
  activity('disaster_day', '5·12 防灾减灾日 主题宣传活动', '2022-05-12', COUNTY, '归义镇城区步行街', 900, { vans: 6, slogans: 35, sms: 0, brochures: 2100, boards: 20 },
    { description: '主题“减轻灾害风险，守护美好家园”；地震、地质灾害、防汛避险知识展板和应急避难场所指引。' });
  activity('contest', '安全生产知识竞赛（初赛、复赛、决赛）', '2022-06-24', COUNTY, '市应急管理局多功能厅', 260, { boards: 4 },
    { rounds: 3, description: '15 个镇和 13 个专业委员会领域的 56 支代表队参加初赛，12 支进入复赛，6 支进入决赛。' });
  activity('warning_education', '“生命重于泰山”专题片和事故警示教育片集中观看', '2022-03-18', COUNTY, '市应急管理局三楼会议室', 150, { films: 2 });
  activity('study', '新《安全生产法》专题学习研讨', '2022-02-24', COUNTY, '市应急管理局三楼会议室', 60, {}, { description: '局党组理论学习中心组专题学习，各股室负责人交流发言。' });
  activity('study', '13 个专业委员会领域重点企业 座谈会', '2022-04-14', COUNTY, '市应急管理局三楼会议室', 48, {},
    { organiser: '市安委会办公室', description: '听取重点企业落实主体责任情况，交流隐患排查治理做法。' });
  // In the parks and towns: 进企业 / 进校园 / 进社区, warning films, flood publicity.
  PARKS.forEach((p, i) => activity('enterprise', `${p.name}安全生产“进企业”宣讲`, `2022-0${3 + i}-1${i}`, p.code, `${p.name}管委会会议室`, 80 + 20 * i,
    { brochures: 300, films: 1, boards: 6 }));
  TOWN_NAMES.forEach((town, i) => {
    const gov = station(town); const code = townCode(town);
    const o = { organiser: gov.name, orgId: gov.id };
    const kind = (['campus', 'community', 'enterprise'] as const)[i % 3];
    const what = { campus: `${town}中心小学安全教育“进校园”`, community: `${town}安全知识“进社区”`, enterprise: `${town}安全生产“进企业”宣讲` }[kind];
    activity(kind, what, `2022-0${3 + (i % 4)}-${String(5 + i).padStart(2, '0')}`, code, kind === 'campus' ? `${town}中心小学` : `${town}人民政府`, 60 + rng.int(0, 240),
      { vans: rng.int(2, 6), slogans: rng.int(10, 30), brochures: 100 * rng.int(2, 6), boards: rng.int(2, 8) }, o);
    activity('warning_education', `${town}警示教育片观看`, `2022-0${4 + (i % 3)}-${String(10 + i).padStart(2, '0')}`, code, `${town}人民政府会议室`, 30 + rng.int(0, 40), { films: rng.int(1, 2) }, o);
    // 防汛 宣传 19 场次 in the report: the first 19 of these towns' flood talks, by the seat and the flood-prone towns.
  });
  for (let i = 0; i < 19; i++) {
    const town = TOWN_NAMES[i % TOWN_NAMES.length]; const gov = station(town);
    activity('community', `${town}防汛避险知识宣传（第 ${Math.floor(i / 15) + 1} 场）`, addDays('2022-04-20', i * 3), townCode(town), `${town}${['沿河村组', '集镇', '山洪易发村'][i % 3]}`,
      40 + rng.int(0, 120), { vans: rng.int(1, 3), slogans: rng.int(5, 15), brochures: 50 * rng.int(2, 6) }, { organiser: gov.name, orgId: gov.id, description: '防汛宣传：转移路线、预警信号、避险常识。' });
  }

  // Training with certificates (三项岗位): principals and safety managers (3-year 安全培训合格证), special operators (6-year 操作证).
  const firms = base.enterprises.filter((e) => e.sector !== 'fireworks' && e.status === 'operating').slice(0, 80);
  const training = (title: string, day: string, region: string, place: string, hours: number, organiser = BUREAU_NAME, orgId = bureau.id) => {
    const id = ctx.id();
    out.trainings.push({ id, title, organiser, organiser_org_id: orgId, region_code: region, place, held_on: day, hours, created_by: staff.id, created_at: at(day, 18) });
    return id;
  };
  let certNo = 0;
  const certify = (trainingId: string | null, e: (typeof firms)[number], post: string, issued: string, operation: string | null = null) => {
    certNo++;
    out.certificates.push({ id: ctx.id(), training_id: trainingId, enterprise_id: e.id, region_code: e.region_code, person_name: post === 'principal' && e.principal_name ? e.principal_name : ctx.personName(),
      post, operation, certificate_no: `${post === 'special_operator' ? 'T' : 'A'}43069920${issued.slice(2, 4)}${String(certNo).padStart(5, '0')}`,
      issued_on: issued, expires_on: addYears(issued, post === 'special_operator' ? 6 : 3), created_at: at(issued, 18) });
  };
  const gaoxin = PARKS[0];
  const t1 = training('高新区 企业负责人安全生产培训会', '2022-03-22', gaoxin.code, '高新区管委会培训中心', 16);
  firms.filter((e) => e.region_code.startsWith('430699401')).slice(0, 20).forEach((e) => certify(t1, e, 'principal', '2022-03-23'));
  const t2 = training('危险化学品企业主要负责人和安全管理人员培训班', '2022-04-19', COUNTY, '市应急管理局多功能厅', 32);
  firms.filter((e) => e.sector === 'hazchem').slice(0, 12).forEach((e) => { certify(t2, e, 'principal', '2022-04-22'); certify(t2, e, 'safety_manager', '2022-04-22'); });
  const t3 = training('工贸企业安全管理人员培训班', '2022-05-17', COUNTY, '市应急管理局多功能厅', 24);
  firms.filter((e) => e.sector === 'industry_trade').slice(0, 25).forEach((e) => certify(t3, e, 'safety_manager', '2022-05-20'));
  const ops = ['电工作业', '焊接与热切割作业', '高处作业', '危险化学品安全作业', '金属非金属矿山安全作业'];
  const t4 = training('特种作业人员取证培训（电工、焊接、高处）', '2022-06-07', COUNTY, '汨水市职业技术学校', 56);
  firms.slice(0, 40).forEach((e, i) => certify(t4, e, 'special_operator', '2022-06-15', ops[i % 3]));
  // Special operators certified before the platform (no session recorded); the 2020-12 ones fall due for renewal at the end of 2026.
  firms.slice(40, 70).forEach((e, i) => certify(null, e, 'special_operator', i % 2 ? '2020-12-10' : '2021-03-18', ops[i % ops.length]));
  // 防汛 培训 7 场次 (report #16): towns' flood officers and village cadres; no certificates.
  TOWN_NAMES.slice(0, 7).forEach((town, i) => training(`${town}防汛责任人和村（社区）干部培训`, addDays('2022-04-08', i * 5), townCode(town), `${town}人民政府会议室`, 4,
    station(town).name, station(town).id));

  // The drills' detail: scenario, timeline, evaluation; the problems they found become tracked tasks.
  const hengda = base.enterprises[0];
  const hengdaHazard = base.hazards.find((h) => h.enterprise_id === hengda.id && h.found_at >= '2022-06-16');
  const steps: Record<string, string[]> = {
    live: ['发出演练情景，现场人员发现险情并报告', '启动应急响应，成立现场指挥部', '警戒疏散，划定警戒区', '救援队伍处置险情，医疗组救治“伤员”', '险情控制，清点人数', '演练总结讲评'],
    tabletop: ['导调组介绍情景和演练规则', '各成员单位按预案职责报告处置措施', '情景推进：险情升级', '指挥部研判并调整响应级别', '评估组点评，形成问题清单'],
  };
  for (const d of base.commandPlans.drills.filter((x) => x.drilled_on >= '2022-01-01' && x.drilled_on <= '2022-06-30')) {
    const list = steps[d.kind] ?? steps.live;
    let minute = 9 * 60 + (d.kind === 'live' ? 0 : 30);
    const timeline = list.map((text) => { const t = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`; minute += 8 + rng.int(0, 17); return { at: t, text }; });
    const score = 72 + rng.int(0, 23);
    out.drillDetails.push({ drill_id: d.id, scenario: `${d.title.replace(/(实战|综合应急|桌面)?(演练|推演)$/, '')}：假定${d.kind === 'live' ? '现场突发险情，需要立即处置并疏散人员' : '险情发生并逐步升级，检验各单位的响应程序和协同'}。参演：${d.participant_units ?? '相关单位'}。`,
      timeline: JSON.stringify(timeline), score, evaluation: score >= 85 ? '响应迅速、分工明确，达到预期目标。' : '基本达到预期目标，协同和信息报送有待加强。',
      updated_by: staff.id, updated_at: at(d.drilled_on, 17) });
    for (const [k, text] of (d.problems ?? '').split('；').filter(Boolean).entries()) {
      const isHazard = !!hengdaHazard && d.enterprise_id === hengda.id && k === 0;
      const due = addDays(d.drilled_on, 30);
      out.drillProblems.push({ id: ctx.id(), drill_id: d.id, region_code: d.region_code, description: text, follow_up: isHazard ? 'hazard' : 'task',
        owner: isHazard ? null : (d.participant_units ?? '').split('、')[0] || '演练组织单位', due_on: isHazard ? null : due,
        done_at: isHazard || rng.chance(0.3) ? null : at(addDays(d.drilled_on, 10 + rng.int(0, 18)), 16), done_note: null,
        hazard_id: isHazard ? hengdaHazard!.id : null, created_by: staff.id, created_at: at(d.drilled_on, 17) });
    }
  }
  for (const p of out.drillProblems) if (p.done_at) p.done_note = '已修订方案并组织复训';
  return { outreach: out };
}
