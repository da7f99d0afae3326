// The demo county's duty desk and reports upward: the bureau's duty leaders and officers (added accounts), a roster for
// June and July 2022 (the night shift of 30 June runs into July), a handover between every pair of shifts in June, the duty
// log (calls, notices, actions — the demo incidents' own 接报 calls among them), the 初报/续报/终报 of the demo incidents
// with their deadlines and timeline lines, and the population of every village and community for the command map.
import type { CommandIncidentsDemo, DemoIncidentRow } from './command-incidents.js';
import { COUNTY_CODE } from './county.js';
import { BUREAU_NAME, orgByName } from './orgs.js';
import type { DemoContext } from './random.js';
import type { NumberSequenceRow } from './hazards.js';
import type { AccountRow, DemoData } from './types.js';

type Row = Record<string, unknown>;

export interface CommandDutyDemo {
  accounts: AccountRow[]; assignments: Row[]; handovers: Row[]; logs: Row[]; reports: Row[]; dues: Row[]; timeline: Row[]; populations: Row[];
  numberSequences: NumberSequenceRow[];
}

type Base = Pick<DemoData, 'regions' | 'organizations' | 'accounts'> & { commandIncidents: CommandIncidentsDemo };

const MIN = 60_000;
const local = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`).toISOString();
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86400_000).toISOString().slice(0, 10);
const daysOf = (month: string) => { const out: string[] = []; for (let d = `${month}-01`; d.startsWith(month); d = addDays(d, 1)) out.push(d); return out; };
const shanghaiDay = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);
const hm = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(11, 16);

const KIND_LABEL: Record<string, string> = { hazchem: '危险化学品事故', mine: '矿山事故', fireworks: '烟花爆竹事故', industrial: '工贸企业事故', fire: '火灾', forest_fire: '森林火灾',
  flood: '洪涝、山洪', geological: '地质灾害', weather: '气象灾害', earthquake: '地震', traffic: '道路交通事故', other: '其他' };
const GRADE_LABEL: Record<string, string> = { especially_major: '特别重大', major: '重大', larger: '较大', ordinary: '一般' };
const LEVEL = ['', 'Ⅰ级', 'Ⅱ级', 'Ⅲ级', 'Ⅳ级'];

const CALLS = [
  ['村民', '反映村道边坡有落石，已通知镇应急站核查', '已转白塘镇应急站现场查看，回复无人员受困'],
  ['企业安全员', '报告停电检修作业计划，申请备案', '已登记，提醒落实作业审批和监护'],
  ['市民', '反映加油站附近有人违规用火', '已通知属地镇和消防救援大队核查'],
  ['护林员', '报告林区有烟点，经核实为村民烧田埂', '已通知林业站劝阻并扑灭'],
  ['镇应急站', '报告辖区降雨量 45 毫米，山洪点水位正常', '记录，要求继续加密巡查'],
] as const;
const NOTICES = [
  ['市防指', '转发暴雨黄色预警，要求做好防御准备', '已转发各乡镇及成员单位，落实 24 小时值班'],
  ['市应急管理局', '通知做好端午节期间安全防范工作', '已转发并抽查 5 家重点企业值班情况'],
  ['气象台', '未来 24 小时有强对流天气', '已通过短信平台发送至各镇应急站和灾害信息员'],
  ['市安委办', '通知开展危化品企业夜查', '已报局领导，安排执法大队落实'],
] as const;
const ACTIONS = [
  '检查视频会议系统和卫星电话，设备正常',
  '抽查各镇应急站值班在岗情况，均在岗',
  '核对应急物资库存台账，与系统一致',
  '调度各镇汛情，均无险情',
] as const;

/** Generates the duty desk's demo rows from the accounts, regions and the incidents module's incidents. */
export function generate(ctx: DemoContext, base: Base): { commandDuty: CommandDutyDemo } {
  const rng = ctx.rng;
  const out: CommandDutyDemo = { accounts: [], assignments: [], handovers: [], logs: [], reports: [], dues: [], timeline: [], populations: [], numberSequences: [] };
  const acct = (u: string) => base.accounts.find((a) => a.username === u)!;
  const bureau = orgByName(base, BUREAU_NAME);
  const centre = orgByName(base, '应急指挥中心');
  const person = (username: string, role: 'leader' | 'staff', orgId: string): AccountRow => {
    const a: AccountRow = { id: ctx.id(), username, display_name: ctx.personName(), phone: ctx.mobile(), roles: [role], org_id: orgId, scope_kind: 'all',
      scope_region_code: null, scope_org_id: null, scope_enterprise_id: null, enforcement_cert_no: null, must_change_password: false, is_demo: true };
    out.accounts.push(a);
    return a;
  };
  // 带班领导: the bureau's leaders in turn (the demo 'leader' among them); 值班员: the command centre's staff (the demo 'staff' among them).
  const leaders = [acct('leader'), ...[1, 2, 3].map((i) => person(`duty_ld${i}`, 'leader', bureau.id))];
  const officers = [acct('staff'), ...[1, 2, 3, 4, 5, 6, 7].map((i) => person(`duty_zb${i}`, 'staff', centre.id))];
  const staff = acct('staff');
  const leader = acct('leader');

  const roster = new Map<string, { leader: AccountRow; officers: AccountRow[] }>();
  let o = 0;
  [...daysOf('2022-06'), ...daysOf('2022-07')].forEach((date, i) => {
    for (const shift of ['day', 'night'] as const) {
      const lead = leaders[(i + (shift === 'night' ? 2 : 0)) % leaders.length];
      const ofs = shift === 'day' ? [officers[o++ % officers.length]] : [officers[o++ % officers.length], officers[o++ % officers.length]];
      roster.set(`${date}/${shift}`, { leader: lead, officers: ofs });
      out.assignments.push({ id: ctx.id(), region_code: COUNTY_CODE, duty_date: date, shift, role: 'leader', account_id: lead.id, note: null, created_by: staff.id,
        created_at: local('2022-05-25', '10:00') });
      for (const p of ofs) {
        out.assignments.push({ id: ctx.id(), region_code: COUNTY_CODE, duty_date: date, shift, role: 'officer', account_id: p.id, note: null, created_by: staff.id,
          created_at: local('2022-05-25', '10:00') });
      }
    }
  });

  const incidents = base.commandIncidents.incidents;
  const log = (at: string, kind: string, party: string | null, phone: string | null, content: string, action: string | null, incidentId: string | null) => {
    const day = shanghaiDay(at);
    const t = hm(at);
    const shift = t >= '08:30' && t < '17:30' ? 'day' : 'night';
    const date = t < '08:30' ? addDays(day, -1) : day;
    const on = roster.get(`${date}/${shift}`);
    out.logs.push({ id: ctx.id(), region_code: COUNTY_CODE, duty_date: date, shift, at, kind, party, phone, content, action_taken: action, incident_id: incidentId,
      recorded_by: (on?.officers[0] ?? staff).id, created_at: at });
  };

  // June: a handover between every pair of shifts, and a few log entries a shift.
  for (const date of daysOf('2022-06')) {
    for (const shift of ['day', 'night'] as const) {
      const from = roster.get(`${date}/${shift}`)!;
      const toDate = shift === 'day' ? date : addDays(date, 1);
      const to = roster.get(`${toDate}/${shift === 'day' ? 'night' : 'day'}`)!;
      const handedAt = shift === 'day' ? local(date, '17:25') : local(toDate, '08:25');
      const open = incidents.filter((i) => i.reported_at <= handedAt && (!i.terminated_at || i.terminated_at > handedAt));
      const calls = rng.int(1, 4);
      out.handovers.push({ id: ctx.id(), region_code: COUNTY_CODE, from_date: date, from_shift: shift, to_date: toDate, to_shift: shift === 'day' ? 'night' : 'day',
        notes: `本班接听来电 ${calls} 次、转发通知 ${rng.int(0, 2)} 份，${open.length ? `在办事件 ${open.length} 起，按指挥部要求跟进` : '无突发事件'}；值班设备运行正常。`,
        open_items: JSON.stringify(open.map((i) => ({ text: `跟进在办事件：${i.title}（${i.number}）`, incidentId: i.id }))),
        handed_by: from.officers[0].id, handed_at: handedAt, received_by: to.officers[0].id, received_at: new Date(Date.parse(handedAt) + rng.int(3, 9) * MIN).toISOString(),
        receive_note: '已接班，清楚', created_at: handedAt });
      const start = shift === 'day' ? local(date, '08:40') : local(date, '17:40');
      for (let k = 0; k < calls; k++) {
        const at = new Date(Date.parse(start) + rng.int(0, shift === 'day' ? 500 : 860) * MIN).toISOString();
        const r = rng.float(0, 1);
        if (r < 0.55) { const [who, what, done] = rng.pick(CALLS); log(at, 'call', `${ctx.personName()}（${who}）`, ctx.mobile(), what, done, null); }
        else if (r < 0.85) { const [who, what, done] = rng.pick(NOTICES); log(at, 'notice', who, null, what, done, null); }
        else log(at, 'action', null, null, rng.pick(ACTIONS), null, null);
      }
    }
  }

  // The demo incidents: the 接报 call in the log, and their reports upward with deadlines and timeline lines.
  let reportNo = 0;
  const report = (i: DemoIncidentRow, kind: 'initial' | 'follow_up' | 'final', seq: number, sentAt: string, dueAt: string, measures: string) => {
    const id = ctx.id();
    const draftedAt = new Date(Date.parse(sentAt) - rng.int(20, 40) * MIN).toISOString();
    const label = kind === 'follow_up' ? `续报（第${seq}次）` : kind === 'initial' ? '初报' : '终报';
    const who = [i.dead && `死亡${i.dead}人`, i.injured && `受伤${i.injured}人`, i.missing && `失踪${i.missing}人`, i.trapped && `被困${i.trapped}人`].filter(Boolean).join('、');
    const content = {
      summary: `${i.occurred_at.slice(0, 10)} ${hm(i.occurred_at)}，${i.address}发生${KIND_LABEL[i.kind] ?? '突发事件'}：${i.description}${who ? `。造成${who}` : '。未造成人员伤亡'}。`,
      occurredAt: i.occurred_at, address: i.address, kindLabel: KIND_LABEL[i.kind] ?? i.kind, gradeLabel: `${GRADE_LABEL[i.grade]}（${i.grade_rule}）`.slice(0, 300),
      responseLabel: i.response_level ? `${LEVEL[i.response_level]}响应` : '未启动响应', dead: i.dead, injured: i.injured, missing: i.missing, trapped: i.trapped,
      relocated: i.relocated, lossWan: Number(i.loss_wan), measures, timeline: [],
      nextSteps: kind === 'final' ? '做好善后处置、事故调查和总结评估工作。' : '继续做好现场处置，及时续报进展情况。',
      reporterUnit: BUREAU_NAME, contact: staff.display_name, phone: staff.phone,
    };
    out.reports.push({ id, incident_id: i.id, region_code: i.region_code, kind, seq, number: `汨应急报〔2022〕${++reportNo}号`, status: 'sent', title: `关于${i.title}的${label}`,
      content: JSON.stringify(content), drafted_by: staff.id, drafted_at: draftedAt, submitted_at: new Date(Date.parse(draftedAt) + 5 * MIN).toISOString(),
      approved_by: leader.id, approved_at: new Date(Date.parse(sentAt) - 5 * MIN).toISOString(), approval_note: '同意报送', returned_note: null, sent_by: staff.id, sent_at: sentAt,
      recipients: JSON.stringify([{ name: '岳阳市应急管理局总值班室', phone: '13807300110', username: null }]), created_at: draftedAt, updated_at: sentAt });
    out.dues.push({ id: ctx.id(), incident_id: i.id, region_code: i.region_code, kind, due_at: dueAt,
      basis: kind === 'initial' ? `command.reports.limits@default：${GRADE_LABEL[i.grade]}事件接报后60分钟内书面初报` : kind === 'final' ? 'command.reports.limits@default：响应终止后24小时内终报' : '局领导要求：每日 17:00 前续报',
      met_report_id: id, met_at: sentAt, reminded_at: Date.parse(sentAt) > Date.parse(dueAt) - 15 * MIN ? new Date(Date.parse(dueAt) - 15 * MIN).toISOString() : null,
      overdue_at: Date.parse(sentAt) > Date.parse(dueAt) ? new Date(Date.parse(dueAt) + MIN).toISOString() : null, created_at: i.reported_at });
    out.timeline.push({ id: ctx.id(), incident_id: i.id, at: sentAt, kind: 'report_up', text: `${label}已报送岳阳市应急管理局总值班室（汨应急报〔2022〕${reportNo}号）${Date.parse(sentAt) > Date.parse(dueAt) ? '，逾期报送' : ''}`,
      ref_type: 'incident_report', ref_id: id, actor_id: staff.id, actor_name: staff.display_name, created_at: sentAt });
  };
  for (const i of [...incidents].sort((a, b) => a.reported_at.localeCompare(b.reported_at))) {
    log(i.reported_at, 'call', i.reporter_name, i.reporter_phone, `接报：${i.title}。${i.description}`, '已按接报流程登记事件，报告带班领导', i.id);
    const initialDue = new Date(Date.parse(i.reported_at) + 60 * MIN).toISOString();
    // One in four initial reports went out a little late: the desk and the ledger show what that looks like.
    const initialSent = new Date(Date.parse(i.reported_at) + (rng.chance(0.25) ? rng.int(62, 80) : rng.int(35, 55)) * MIN).toISOString();
    report(i, 'initial', 1, initialSent, initialDue, '已通知属地乡镇和相关部门赶赴现场，组织先期处置。');
    if (i.response_started_at) {
      const day = shanghaiDay(i.response_started_at);
      const due = local(hm(i.response_started_at) < '16:00' ? day : addDays(day, 1), '17:00');
      const sent = new Date(Date.parse(due) - rng.int(20, 50) * MIN).toISOString();
      if (!i.terminated_at || sent < i.terminated_at) {
        report(i, 'follow_up', 1, sent, due, `已启动${LEVEL[i.response_level ?? 4]}应急响应${i.plan_title ? `（${i.plan_title}）` : ''}，调派救援力量到场处置。`);
      }
    }
    if (i.terminated_at) {
      const due = new Date(Date.parse(i.terminated_at) + 24 * 3600_000).toISOString();
      report(i, 'final', 1, new Date(Date.parse(i.terminated_at) + rng.int(4, 20) * 3600_000).toISOString(), due, `应急响应已终止。${i.termination_note ?? ''}`);
    }
  }
  if (reportNo) out.numberSequences.push({ kind: 'command.report', year: 2022, last: reportNo });

  // 常住人口 of villages and communities (invented figures in a realistic range for a county in Hunan).
  for (const r of base.regions.filter((x) => x.level === 'village')) {
    const community = Number(r.code.slice(9)) < 200;
    const population = community ? rng.int(2500, 9000) : rng.int(900, 3800);
    out.populations.push({ region_code: r.code, population, households: Math.round(population / rng.float(2.8, 3.4)), as_of: '2021-12-31', source: '演示数据（虚构，按第七次人口普查口径）' });
  }
  return { commandDuty: out };
}
