// Past 突发事件 of the demo county in 2022 H1, each handled from 接报 to 结案 with a full timeline: a forest fire on the
// Spring Festival (龙泉镇, Feb), a methanol leak at 恒达化工 in the 循环园 park (Apr, Ⅳ级, a proposed raise rejected),
// and the "6·21" flash flood in 罗江镇 (Jun, raised Ⅳ→Ⅲ with approval and lowered again) — the flood whose sandbags,
// life jackets, tents and full shelter the resources module already records. Plans, versions and actions come from
// the plans module (the version in force on the day), teams, supplies and shelters from the resources module; the
// absorbent used at the leak leaves the 循环园 store's ledger here, the flood's two outbound ledger lines are tied to it.
//
// Consistency with the report (seed-figures.md row 5: 事故起数和死亡人数"双下降"): none of these incidents has a
// death, missing person or serious injury — the leak's two workers were observed in hospital and went home, the flood's
// people were moved before the water came, the fire was put out on the hill — so the half year adds no fatal accident.
import { LEVEL_LABELS } from '../contracts/command-incidents.js';
import type { PlanContent } from '../contracts/command-plans.js';
import { GRADE_LABELS, gradeBy, gradingRuleOf } from '../server/domains/command/incidents/grading.js';
import type { IncidentGrade, IncidentKind } from '../server/domains/command/ports.js';
import { townCode, villagesOf } from './county.js';
import { demoEnterprise } from './enterprises.js';
import type { HazardRow, NumberSequenceRow } from './hazards.js';
import { BUREAU_NAME, RESCUE_BRIGADE_NAME } from './orgs.js';
import type { DemoContext } from './random.js';
import type { AccountRow, DemoData } from './types.js';

type Row = Record<string, unknown>;

/** One incident row (table incidents); the duty and reports modules read these by id. */
export interface DemoIncidentRow {
  id: string; number: string; title: string; source: string; source_ref_id: string | null; reporter_name: string | null; reporter_phone: string | null;
  reporter_org: string | null; occurred_at: string; reported_at: string; address: string; lng: number | null; lat: number | null; region_code: string; kind: IncidentKind;
  enterprise_id: string | null; enterprise_name: string | null; dead: number; injured: number; missing: number; trapped: number; loss_wan: number; relocated: number;
  description: string; grade: IncidentGrade; grade_rule: string; grade_version: string; status: string; response_level: number | null; plan_id: string | null;
  plan_version_id: string | null; plan_title: string | null; response_started_at: string | null; response_started_by: string | null; terminated_at: string | null;
  terminated_by: string | null; termination_note: string | null; investigation: string | null; assessment: string | null; closed_at: string | null; closed_by: string | null;
  created_by: string | null; created_at: string; updated_at: string;
}

export interface CommandIncidentsDemo {
  incidents: DemoIncidentRow[]; timeline: Row[]; levelChanges: Row[]; postRoles: Row[]; tasks: Row[]; feedback: Row[]; dispatches: Row[]; lessons: Row[];
  /** The incident numbering (SJ-2022-nnnn). The hazard one lesson became is added to the hazards module's rows. */
  numberSequences: NumberSequenceRow[];
}

type Base = Pick<DemoData, 'regions' | 'organizations' | 'enterprises' | 'accounts' | 'hazards' | 'hazardEvents' | 'numberSequences' | 'commandPlans' | 'commandResources'>;
interface Facts { dead: number; injured: number; missing: number; trapped: number; lossWan: number; relocated: number }
type Actor = Pick<AccountRow, 'id' | 'display_name'>;

const MIN = 60_000;
/** A Shanghai wall-clock time as ISO (UTC). */
const local = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`).toISOString();
const level = (l: number | null) => (l ? LEVEL_LABELS[l as 1 | 2 | 3 | 4] : '未启动');
const casualtyText = (f: Facts) => `死亡 ${f.dead}、重伤 ${f.injured}、失踪 ${f.missing}、被困 ${f.trapped} 人，直接经济损失 ${f.lossWan} 万元，转移安置 ${f.relocated} 人`;

/** The grade, its rule in words and the rule version, as the desk's grading gives them with the default tables. */
function grade(kind: IncidentKind, f: Facts) {
  const rule = gradingRuleOf(kind);
  const g = gradeBy(rule.defaultValue, f);
  return { grade: g.grade, grade_rule: `${g.rule}（${rule.mark === 'C' ? '依据' : '参照（未经核实的默认值）'}${rule.source}）`, grade_version: `${rule.key}@default` };
}

/** Great-circle distance in metres. */
function distanceM(a: { lng: number; lat: number }, b: { lng: number; lat: number }) {
  const rad = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lng - a.lng) * rad) / 2) ** 2;
  return Math.round(2 * 6371_000 * Math.asin(Math.sqrt(h)));
}

// What each working group reports back on its plan task (the unit's liaison phoned it in to the duty desk).
const FEEDBACK: Record<string, string> = {
  综合协调组: '已按时限电话报告岳阳市应急管理局和市政府值班室，书面报告已报送',
  抢险救援组: '救援力量已到场开展先期处置，现场险情得到控制',
  医疗救护组: '120 急救车和医护人员已到场待命，相关人员已送医检查',
  治安警戒组: '已设置警戒区并实施交通管制，无关人员已疏散',
  后勤保障组: '应急物资、照明和通信保障到位',
  宣传报道组: '已通过政务新媒体发布权威信息，网络舆情平稳',
  善后处置组: '受影响群众已妥善安置，生活物资发放到位',
  环境监测组: '已在下风向布设监测点，每小时报告一次，各项指标未超标',
};

/** Generates the past incidents; enriches in place the resources' ledger (absorbent out, flood lines tied) and the hazards (one lesson's). */
export function generate(ctx: DemoContext, base: Base): { commandIncidents: CommandIncidentsDemo } {
  const out: CommandIncidentsDemo = { incidents: [], timeline: [], levelChanges: [], postRoles: [], tasks: [], feedback: [], dispatches: [], lessons: [], numberSequences: [] };
  const acct = (username: string) => base.accounts.find((a) => a.username === username)!;
  const leader = acct('leader');
  const staff = acct('staff');
  const townLuojiang = acct('town_luojiang');
  const rescuer = acct('rescuer_demo');
  const res = base.commandResources as unknown as Record<string, Row[]>;
  const named = (list: string, name: string) => {
    const r = res[list].find((x) => x.name === name);
    if (!r) throw new Error(`demo: ${list} 「${name}」 not in the resources module`);
    return r;
  };
  const planNamed = (title: string) => {
    const p = base.commandPlans.plans.find((x) => x.title === title)!;
    const v = base.commandPlans.versions.find((x) => x.id === p.published_version_id)!;
    return { plan: p, version: v, content: v.content as PlanContent };
  };

  /** One incident handled step by step; times are minutes after the report. */
  function incident(seqNo: number, spec: {
    title: string; kind: IncidentKind; source: string; reporter: [string, string, string | null]; occurred: string; reported: string; address: string;
    lng: number; lat: number; regionCode: string; enterprise?: { id: string; name: string }; description: string; facts: Facts; by: Actor;
  }) {
    const t0 = Date.parse(spec.reported);
    const at = (min: number) => new Date(t0 + min * MIN).toISOString();
    const g = grade(spec.kind, spec.facts);
    const i: DemoIncidentRow = {
      id: ctx.id(), number: `SJ-2022-${String(seqNo).padStart(4, '0')}`, title: spec.title, source: spec.source, source_ref_id: null, reporter_name: spec.reporter[0],
      reporter_phone: spec.reporter[1], reporter_org: spec.reporter[2], occurred_at: spec.occurred, reported_at: spec.reported, address: spec.address, lng: spec.lng, lat: spec.lat,
      region_code: spec.regionCode, kind: spec.kind, enterprise_id: spec.enterprise?.id ?? null, enterprise_name: spec.enterprise?.name ?? null, dead: spec.facts.dead,
      injured: spec.facts.injured, missing: spec.facts.missing, trapped: spec.facts.trapped, loss_wan: spec.facts.lossWan, relocated: spec.facts.relocated, description: spec.description,
      ...g, status: 'reported', response_level: null, plan_id: null, plan_version_id: null, plan_title: null, response_started_at: null, response_started_by: null, terminated_at: null,
      terminated_by: null, termination_note: null, investigation: null, assessment: null, closed_at: null, closed_by: null, created_by: spec.by.id, created_at: spec.reported, updated_at: spec.reported,
    };
    out.incidents.push(i);
    const line = (min: number, kind: string, text: string, who: Actor | null, ref?: [string, string]) =>
      out.timeline.push({ id: ctx.id(), incident_id: i.id, at: at(min), kind, text, ref_type: ref?.[0] ?? null, ref_id: ref?.[1] ?? null, actor_id: who?.id ?? null,
        actor_name: who?.display_name ?? '系统', created_at: at(min) });
    line(0, 'report', `接报（${spec.reporter[0]} ${spec.reporter[1]}）：${spec.title}。${casualtyText(spec.facts)}`, spec.by);
    line(0, 'grade', `初判为${GRADE_LABELS[g.grade]}事件。${g.grade_rule}`, spec.by);

    let content: PlanContent | null = null;
    const tasks: Row[] = [];
    const taskFromActions = (min: number, lvl: number) => {
      if (!content) return;
      const groups = new Map(content.groups.map((x) => [x.name, x]));
      const have = new Set(tasks.map((x) => `${x.group_name}|${x.title}`));
      let made = 0;
      for (const a of content.actions.filter((x) => x.level === lvl && !have.has(`${x.role}|${x.action}`))) {
        const grp = groups.get(a.role);
        const orgId = grp?.leadOrgId && base.organizations.some((o) => o.id === grp.leadOrgId) ? grp.leadOrgId : null;
        const row: Row = { id: ctx.id(), incident_id: i.id, seq: tasks.length + 1, level: lvl, plan_action_id: a.id, group_name: a.role, title: a.action, assignee_org_id: orgId,
          assignee_account_id: null, assignee_label: grp?.leadUnit ?? a.role, due_at: a.dueMinutes != null ? at(min + a.dueMinutes) : null, status: 'assigned', read_at: null,
          read_by: null, accepted_at: null, created_by: leader.id, created_at: at(min) };
        tasks.push(row);
        out.tasks.push(row);
        made++;
      }
      if (made) line(min, 'task', `按预案${level(lvl)}响应行动下达任务 ${made} 项`, leader);
    };

    const api = {
      id: i.id, row: i, at,
      line,
      /** 领导决策：启动响应 under a plan, with the command post and the plan's tasks at that level. */
      start(min: number, lvl: number, planTitle: string, reason: string, holders: Record<string, [string, string]>) {
        const p = planNamed(planTitle);
        content = p.content;
        Object.assign(i, { status: 'responding', response_level: lvl, plan_id: p.plan.id, plan_version_id: p.version.id, plan_title: p.plan.title, response_started_at: at(min),
          response_started_by: leader.id, updated_at: at(min) });
        const changeId = ctx.id();
        out.levelChanges.push({ id: changeId, incident_id: i.id, kind: 'start', from_level: null, to_level: lvl, reason, status: 'approved', proposed_by: leader.id, proposed_at: at(min),
          decided_by: leader.id, decided_at: at(min), decision_note: '决策启动' });
        line(min, 'decision', `${leader.display_name}决定启动${level(lvl)}应急响应，执行《${p.plan.title}》。理由：${reason}`, leader, ['level_change', changeId]);
        const posts = [{ name: '总指挥', leadUnit: null as string | null, leadOrgId: null as string | null, duties: '统一指挥、协调事件应急处置' },
          ...p.content.groups.map((x) => ({ name: x.name, leadUnit: x.leadUnit, leadOrgId: x.leadOrgId, duties: [x.duties, x.members.length ? `成员单位：${x.members.join('、')}` : null].filter(Boolean).join('；') || null }))];
        posts.forEach((x, k) => {
          const h = k === 0 ? [leader.display_name, leader.phone] : (holders[x.name] ?? [ctx.personName(), ctx.mobile()]);
          out.postRoles.push({ id: ctx.id(), incident_id: i.id, group_name: x.name, lead_unit: x.leadUnit, lead_org_id: x.leadOrgId, duties: x.duties,
            holder_account_id: k === 0 ? leader.id : null, holder_name: h[0], holder_phone: h[1], sort: k });
        });
        line(min + 1, 'post', `成立现场指挥部：总指挥及${p.content.groups.map((x) => x.name).join('、')}`, leader);
        taskFromActions(min + 1, lvl);
        line(min + 3, 'post', `指挥部「总指挥」由${leader.display_name}（${leader.phone}）担任`, staff);
      },
      /** 核报: new figures, regraded. */
      facts(min: number, f: Facts, note: string) {
        const before = i.grade;
        const ng = grade(spec.kind, f);
        Object.assign(i, { dead: f.dead, injured: f.injured, missing: f.missing, trapped: f.trapped, loss_wan: f.lossWan, relocated: f.relocated, ...ng, updated_at: at(min) });
        line(min, 'facts', `核报伤亡和损失：${casualtyText(f)}（${note}）`, staff);
        if (ng.grade !== before) line(min, 'grade', `事件等级由${GRADE_LABELS[before]}调整为${GRADE_LABELS[ng.grade]}。${ng.grade_rule}`, staff);
      },
      /** 提请调整级别 by the staff, decided by the leader; approval applies the level and its tasks. */
      change(min: number, to: number, reason: string, decidedMin: number, approve: boolean, note: string) {
        const from = i.response_level;
        const kind = to < (from ?? 5) ? 'raise' : 'lower';
        const id = ctx.id();
        out.levelChanges.push({ id, incident_id: i.id, kind, from_level: from, to_level: to, reason, status: approve ? 'approved' : 'rejected', proposed_by: staff.id,
          proposed_at: at(min), decided_by: leader.id, decided_at: at(decidedMin), decision_note: note });
        line(min, 'level', `${staff.display_name}提请将响应级别由${level(from)}${kind === 'raise' ? '提升' : '降低'}为${level(to)}（待审批）。理由：${reason}`, staff, ['level_change', id]);
        if (approve) {
          Object.assign(i, { response_level: to, updated_at: at(decidedMin) });
          line(decidedMin, 'level', `${leader.display_name}批准：响应级别由${level(from)}调整为${level(to)}（${note}）`, leader, ['level_change', id]);
          taskFromActions(decidedMin, to);
        } else line(decidedMin, 'level', `${leader.display_name}驳回响应级别调整为${level(to)}的提请：${note}`, leader, ['level_change', id]);
      },
      /** A task the commander adds by hand. */
      task(min: number, title: string, orgId: string, label: string, dueMin: number) {
        const row: Row = { id: ctx.id(), incident_id: i.id, seq: tasks.length + 1, level: i.response_level, plan_action_id: null, group_name: null, title, assignee_org_id: orgId,
          assignee_account_id: null, assignee_label: label, due_at: at(dueMin), status: 'assigned', read_at: null, read_by: null, accepted_at: null, created_by: staff.id, created_at: at(min) };
        tasks.push(row);
        out.tasks.push(row);
        line(min, 'task', `下达任务：${title}（${label}）`, staff, ['task', row.id as string]);
        return row;
      },
      /**
       * Every task signed for, answered and accepted. A unit with no account of its own phoned its answer in and the duty
       * officer entered it; `by` names the account that answered a task itself. `returned` sends one answer back first.
       */
      answerAll(fromMin: number, by: Record<number, Actor> = {}, texts: Record<number, string> = {}, returned?: { seq: number; note: string; first: string }) {
        for (const t of tasks.filter((x) => x.status === 'assigned')) {
          const seq = t.seq as number;
          const created = (Date.parse(t.created_at as string) - t0) / MIN;
          const start = Math.max(fromMin, created + 2);
          const who = by[seq] ?? staff;
          // The bureau's own tasks are the duty officer's; another unit's answer is phoned in and entered for it.
          const proxy = !by[seq] && t.assignee_label !== BUREAU_NAME;
          const readMin = start + (seq % 3);
          const answer = texts[seq] ?? FEEDBACK[t.group_name as string] ?? '已按要求完成';
          const text = proxy ? `（${t.assignee_label}电话反馈，值班员代录）${answer}` : answer;
          Object.assign(t, { status: 'accepted', read_at: at(readMin), read_by: proxy ? null : who.id });
          line(readMin, 'task', `${who.display_name}签收任务 ${seq}：${t.title}`, who, ['task', t.id as string]);
          let min = readMin + 12 + (seq % 4) * 5;
          if (returned?.seq === seq) {
            const fid = ctx.id();
            out.feedback.push({ id: fid, task_id: t.id, incident_id: i.id, text: returned.first, lng: i.lng, lat: i.lat, file_ids: [], status: 'returned', review_note: returned.note,
              reviewed_by: staff.id, reviewed_at: at(min + 6), created_by: who.id, created_at: at(min) });
            line(min, 'feedback', `${who.display_name}反馈任务 ${seq}：${returned.first}`, who, ['feedback', fid]);
            line(min + 6, 'feedback', `${staff.display_name}退回任务 ${seq} 的反馈：${returned.note}`, staff, ['feedback', fid]);
            min += 40;
          }
          const fid = ctx.id();
          out.feedback.push({ id: fid, task_id: t.id, incident_id: i.id, text, lng: proxy ? null : i.lng, lat: proxy ? null : i.lat, file_ids: [], status: 'accepted', review_note: null,
            reviewed_by: staff.id, reviewed_at: at(min + 8), created_by: who.id, created_at: at(min) });
          line(min, 'feedback', `${who.display_name}反馈任务 ${seq}：${text}`, who, ['feedback', fid]);
          line(min + 8, 'feedback', `${staff.display_name}采纳任务 ${seq} 的反馈`, staff, ['feedback', fid]);
          t.accepted_at = at(min + 8);
        }
      },
      /** 调度 one resource; moves are minutes for 出发/到场/撤离 (撤离 null: released at termination). */
      dispatch(min: number, kind: 'team' | 'expert' | 'warehouse' | 'shelter' | 'equipment', r: Row, summary: string, moves: { enRoute?: number; onScene?: number; released?: number | null },
        supply?: { itemId: string; itemName: string; quantity: number; ledgerId: string }, note?: string) {
        const id = ctx.id();
        const d = distanceM({ lng: i.lng!, lat: i.lat! }, { lng: Number(r.lng), lat: Number(r.lat) });
        const row: Row = { id, incident_id: i.id, resource_kind: kind, resource_id: r.id, resource_name: r.name, summary, distance_m: d, item_id: supply?.itemId ?? null,
          item_name: supply?.itemName ?? null, quantity: supply?.quantity ?? null, ledger_id: supply?.ledgerId ?? null, status: 'dispatched', dispatched_at: at(min),
          en_route_at: moves.enRoute != null ? at(moves.enRoute) : null, on_scene_at: moves.onScene != null ? at(moves.onScene) : null,
          released_at: moves.released != null ? at(moves.released) : null, note: note ?? null, created_by: staff.id };
        out.dispatches.push(row);
        const what = supply ? `从「${r.name}」调拨${supply.itemName} ${supply.quantity}` : `调派${{ team: '救援队伍', expert: '专家', warehouse: '物资', shelter: '避难场所', equipment: '装备' }[kind]}「${r.name}」`;
        line(min, 'dispatch', `${what}（距事发地 ${(d / 1000).toFixed(1)} 公里）${note ? `：${note}` : ''}`, staff, ['dispatch', id]);
        if (moves.enRoute != null) line(moves.enRoute, 'dispatch', `「${r.name}」出发`, staff, ['dispatch', id]);
        if (moves.onScene != null) line(moves.onScene, 'dispatch', `「${r.name}」到场`, staff, ['dispatch', id]);
        if (moves.released != null) line(moves.released, 'dispatch', `「${r.name}」撤离`, staff, ['dispatch', id]);
        row.status = moves.released != null ? 'released' : moves.onScene != null ? 'on_scene' : moves.enRoute != null ? 'en_route' : 'dispatched';
        return row;
      },
      message(min: number, text: string, who: Actor = staff) { line(min, 'message', text, who); },
      /** 终止响应 with the final figures; resources still out are released. */
      terminate(min: number, f: Facts, note: string) {
        const ng = grade(spec.kind, f);
        Object.assign(i, { status: 'terminated', terminated_at: at(min), terminated_by: leader.id, termination_note: note, dead: f.dead, injured: f.injured, missing: f.missing,
          trapped: f.trapped, loss_wan: f.lossWan, relocated: f.relocated, ...ng, updated_at: at(min) });
        const still = out.dispatches.filter((d) => d.incident_id === i.id && d.status !== 'released');
        for (const d of still) Object.assign(d, { status: 'released', released_at: at(min) });
        line(min, 'decision', `${leader.display_name}宣布终止${level(i.response_level)}应急响应：${note}。最终核定死亡 ${f.dead}、重伤 ${f.injured}、失踪 ${f.missing} 人，`
          + `直接经济损失 ${f.lossWan} 万元，转移安置 ${f.relocated} 人；定为${GRADE_LABELS[ng.grade]}事件${still.length ? `；${still.map((d) => d.resource_name).join('、')} 撤离` : ''}`, leader);
      },
      review(min: number, investigation: string, assessment: string) {
        Object.assign(i, { investigation, assessment, updated_at: at(min) });
        line(min, 'review', '登记事件调查情况，登记总结评估', staff);
      },
      /** A lesson, done: a plan revision request, or a hazard (row made by the caller). */
      lesson(min: number, doneMin: number, text: string, done: { planId: string; note: string } | { hazard: HazardRow }) {
        const id = ctx.id();
        const hazard = 'hazard' in done ? done.hazard : null;
        out.lessons.push({ id, incident_id: i.id, text, action: hazard ? 'hazard' : 'plan_revision', status: 'done', hazard_id: hazard?.id ?? null,
          plan_id: hazard ? null : (done as { planId: string }).planId, revision_note: hazard ? null : (done as { note: string }).note, done_at: at(doneMin), done_by: staff.id,
          created_by: staff.id, created_at: at(min) });
        line(min, 'lesson', `经验教训：${text}（${hazard ? '转为隐患整改' : '提请修订预案'}）`, staff, ['lesson', id]);
        if (hazard) line(doneMin, 'lesson', `经验教训已转为隐患 ${hazard.number}「${hazard.title}」，进入隐患整改流程`, staff, ['hazard', hazard.id]);
        else line(doneMin, 'lesson', `已提请修订预案：${(done as { note: string }).note}`, staff, ['lesson', id]);
      },
      close(min: number) {
        Object.assign(i, { status: 'closed', closed_at: at(min), closed_by: staff.id, updated_at: at(min) });
        line(min, 'close', `${staff.display_name}结案`, staff);
      },
    };
    return api;
  }

  const teamSummary = (t: Row) => `${t.planned_strength} 人编制 · 专业：${(t.specialities as string[]).join('、')}`;
  const expertSummary = (e: Row) => `${e.title} · ${e.unit} · ${(e.fields as string[]).join('、')}`;
  const shelterSummary = (s: Row) => `可容纳 ${s.capacity} 人`;
  const expertIn = (field: string) => res.experts.find((e) => (e.fields as string[]).includes(field) && e.available)!;

  // ── SJ-2022-0001 森林火灾: 龙泉镇廖家峰村, 正月初五 上坟烧纸引燃; 2.3 公顷, no one hurt. ──────────────────────────────
  {
    const village = villagesOf(base, townCode('龙泉镇')).find((v) => v.name === '廖家峰村') ?? villagesOf(base, townCode('龙泉镇')).find((v) => v.name.endsWith('村'))!;
    const point = { lng: Math.round((village.center_lng + 0.006) * 1e5) / 1e5, lat: Math.round((village.center_lat - 0.004) * 1e5) / 1e5 };
    const f = incident(1, {
      title: `龙泉镇${village.name}森林火灾`, kind: 'forest_fire', source: 'phone', reporter: [ctx.personName(), ctx.mobile(), `龙泉镇${village.name}护林员`],
      occurred: local('2022-02-05', '13:20'), reported: local('2022-02-05', '13:34'), address: `龙泉镇${village.name}后山（茶子山）`, ...point, regionCode: village.code,
      description: '村民上坟烧纸引燃山林，火线长约 300 米，向山脊蔓延，林下可燃物多，风力 3 级；附近 500 米内有 12 户民房。',
      facts: { dead: 0, injured: 0, missing: 0, trapped: 0, lossWan: 0, relocated: 0 }, by: staff,
    });
    const forest = named('teams', '汨水市森林消防专业队');
    const townTeam = named('teams', '龙泉镇应急救援分队');
    f.start(16, 4, '汨水市森林火灾应急预案', '山火向山脊蔓延，附近有民房，启动森林火灾Ⅳ级应急响应', {});
    f.dispatch(18, 'team', forest, teamSummary(forest), { enRoute: 21, onScene: 52 });
    f.dispatch(18, 'team', townTeam, teamSummary(townTeam), { enRoute: 20, onScene: 38 });
    const blowers = res.equipment.find((e) => e.name === '风力灭火机')!;
    f.dispatch(20, 'equipment', blowers, `${blowers.quantity} 台 · ${blowers.model}`, { enRoute: 22, onScene: 52 });
    const ex = expertIn('森林防火');
    f.dispatch(30, 'expert', ex, expertSummary(ex), { onScene: 85 }, undefined, '指导打隔离带');
    f.message(60, '现场指挥部：兵分两路，森林消防专业队正面扑打，镇分队在山脊开设隔离带；12 户村民已劝离至村部');
    f.answerAll(40);
    f.message(150, '东侧明火扑灭，西侧火线约 80 米，风力减弱');
    f.message(246, '17:40 明火全部扑灭，转入清理余火和看守火场，龙泉镇分队留守 20 人');
    f.facts(260, { dead: 0, injured: 0, missing: 0, trapped: 0, lossWan: 4.2, relocated: 12 }, '龙泉镇和林业局现场核查：过火面积约 2.3 公顷，以马尾松、油茶为主');
    f.terminate(1226, { dead: 0, injured: 0, missing: 0, trapped: 0, lossWan: 4.2, relocated: 12 }, '余火清理完毕，经一夜看守无复燃，火场移交龙泉镇看护');
    f.review(22 * 1440, '经调查，火灾系村民邓某上坟烧纸引燃枯草所致，已移交森林公安依法处理；过火面积 2.3 公顷，无人员伤亡。',
      '接报后 16 分钟启动响应，镇分队 38 分钟到场，4 小时扑灭明火。暴露问题：火场周边无水源，风力灭火机对地表火效果有限，扑救耗时较长；春节祭祀期间野外用火管控宣传不到位。');
    const forestPlan = planNamed('汨水市森林火灾应急预案').plan;
    f.lesson(22 * 1440 + 10, 23 * 1440, '火场周边无可用水源，风力灭火机对地表火效果有限，应推广以水灭火并用无人机巡护', {
      planId: forestPlan.id, note: '在森林火灾应急预案中增加以水灭火（高压细水雾、背负式水枪）和无人机火场侦察、巡护的要求' });
    f.lesson(22 * 1440 + 12, 23 * 1440 + 5, '清明、春节祭祀用火高峰期间，重点林区入山路口无人值守', {
      planId: planNamed('龙泉镇突发事件应急预案').plan.id, note: '在龙泉镇预案中明确祭祀高峰期入山路口卡点值守和巡山护林责任人' });
    f.close(24 * 1440);
  }

  // ── SJ-2022-0002 危险化学品泄漏: 恒达化工罐区 甲醇 pipeline flange; absorbent from the park store; raise rejected. ─────
  {
    const e = demoEnterprise(base);
    const facts = { dead: 0, injured: 0, missing: 0, trapped: 0, lossWan: 0, relocated: 0 };
    const h = incident(2, {
      title: `${e.name}甲醇泄漏`, kind: 'hazchem', source: 'phone', reporter: [ctx.personName(), ctx.mobile(), `${e.name}安全环保部`],
      occurred: local('2022-04-14', '14:05'), reported: local('2022-04-14', '14:12'), address: `${e.address}罐区（甲醇储罐出料管线）`, lng: e.lng!, lat: e.lat!,
      regionCode: e.region_code, enterprise: { id: e.id, name: e.name },
      description: '甲醇储罐出料管线法兰垫片破损，约 0.8 吨甲醇泄漏至围堰内，企业已关闭紧急切断阀并启动公司级响应；2 名操作工吸入甲醇蒸气感到头晕，已送医观察。',
      facts, by: staff,
    });
    const hazTeam = named('teams', '循环园危化品应急救援队');
    const fireStation = named('teams', '汨水市消防救援大队城区消防站');
    h.start(25, 4, '汨水市危险化学品事故应急预案', '泄漏发生在重大危险源罐区，企业已启动公司级响应，为防止事态扩大启动Ⅳ级应急响应', {});
    h.dispatch(27, 'team', hazTeam, teamSummary(hazTeam), { enRoute: 29, onScene: 38 });
    h.dispatch(27, 'team', fireStation, teamSummary(fireStation), { enRoute: 28, onScene: 52 }, undefined, '泡沫覆盖、水幕稀释');
    // 吸附棉 out of the park's store (出库 through the ledger, as the desk's dispatch does).
    const store = named('warehouses', '循环园危化品应急物资库');
    const pads = named('items', '吸附棉');
    const qty = 20;
    const outAt = h.at(40);
    const stock = res.stock.find((s) => s.warehouse_id === store.id && s.item_id === pads.id)!;
    const ledger = res.ledger as Row[];
    const before = ledger.filter((l) => l.stock_id === stock.id && String(l.at) <= outAt).at(-1);
    const ledgerId = ctx.id();
    const line = { id: ledgerId, stock_id: stock.id, warehouse_id: store.id, item_id: pads.id, kind: 'outbound', quantity: -qty, balance_after: Number(before?.balance_after ?? 0) - qty,
      reason: `事件调拨：${h.row.title}（${h.row.number}）`, ref_type: 'incident', ref_id: h.id, transfer_id: null, actor_id: staff.id, actor_name: staff.display_name, at: outAt };
    const pos = ledger.findIndex((l) => String(l.at) > outAt);
    ledger.splice(pos < 0 ? ledger.length : pos, 0, line);
    for (const l of ledger) if (l.stock_id === stock.id && String(l.at) > outAt) l.balance_after = Number(l.balance_after) - qty;
    stock.quantity = Number(stock.quantity) - qty;
    let left = qty;
    for (const b of res.batches.filter((x) => x.stock_id === stock.id).sort((a, c) => String(a.expires_on ?? '9999').localeCompare(String(c.expires_on ?? '9999')) || String(a.received_on).localeCompare(String(c.received_on)))) {
      const take = Math.min(Number(b.quantity), left);
      b.quantity = Number(b.quantity) - take;
      left -= take;
    }
    h.dispatch(40, 'warehouse', store, `吸附棉 ${Number(stock.quantity) + qty} 包`, { enRoute: 42, onScene: 55 }, { itemId: pads.id as string, itemName: '吸附棉', quantity: qty, ledgerId });
    const ex = expertIn('危险化学品');
    h.dispatch(35, 'expert', ex, expertSummary(ex), { onScene: 80 });
    h.message(58, '循环园危化品应急救援队完成堵漏，泄漏源已控制；围堰内残液用吸附棉吸附、泡沫覆盖，防止挥发');
    h.answerAll(45);
    h.change(78, 3, '下风向厂界检测到甲醇蒸气，周边两家企业员工约 300 人，建议提升为Ⅲ级以便组织周边疏散', 96, false,
      '环境监测组在下风向 300 米、500 米检测甲醇浓度低于职业接触限值，险情可控，维持Ⅳ级，继续监测');
    h.message(140, '围堰内残液已全部转移至应急事故池，吸附废料交有资质单位处置；下风向连续 3 次监测未超标');
    h.facts(150, { ...facts, lossWan: 6.8 }, '企业核报物料损失和处置费用');
    h.terminate(290, { ...facts, lossWan: 6.8 }, '泄漏源已切断，残液转移完毕，下风向监测连续无超标，险情消除');
    h.review(8 * 1440, '经调查，泄漏系甲醇储罐出料管线法兰聚四氟乙烯垫片老化破损所致；企业设备管理台账未将该类垫片纳入定期检查更换计划。2 名操作工经医院观察后当日出院。',
      '企业先期处置及时，园区救援队 26 分钟到场、堵漏迅速，未造成次生事故。暴露问题：罐区易损件管理缺失；园区救援队调用园区物资库物资须电话请示，耽误约 10 分钟。');
    // The lesson's hazard joins the hazards module's rows (numbered after its 2022 hazards, its sequence row moved on in
    // place), so the hazard ledger, its numbering and a demo reset treat it as one of theirs.
    const seqRow = base.numberSequences.find((s) => s.kind === 'hazard' && s.year === 2022)!;
    seqRow.last += 1;
    const found = h.at(8 * 1440 + 20);
    const hazard: HazardRow & Row = {
      id: ctx.id(), number: `YH-2022-${String(seqRow.last).padStart(6, '0')}`, enterprise_id: e.id, enterprise_name: e.name, region_code: e.region_code, place_name: null, lng: e.lng, lat: e.lat,
      title: '罐区管线法兰垫片等易损件未纳入定期检查更换', description: `来源：突发事件 ${h.row.number}「${h.row.title}」的经验教训——罐区法兰垫片老化未及时更换导致泄漏`,
      found_at: found, found_by: staff.display_name, source: 'transfer', sector: e.sector, level: 'general', major_basis: null, campaign_id: null, status: 'closed',
      responsible_person: e.principal_name ?? ctx.personName(), responsible_phone: e.principal_phone ?? ctx.mobile(), measures: '全面排查罐区管线法兰垫片，建立易损件台账，按周期更换并纳入设备点检', funds: 18000,
      deadline: '2022-05-20', rectified_at: local('2022-05-12', '16:00'), closed_at: local('2022-05-16', '15:00'), supervise_level: null, supervising_org_id: null, supervise_deadline: null,
      due_soon_notified_for: null, overdue_notified_for: null, escalated_for: null,
    };
    base.hazards.push(hazard);
    const ev = (atIso: string, who: string, action: string, from: string | null, to: string | null, comment: string | null) =>
      base.hazardEvents.push({ id: ctx.id(), hazard_id: hazard.id, at: atIso, actor_name: who, action, from_status: from, to_status: to, comment });
    ev(found, staff.display_name, 'report', null, 'pending', hazard.description);
    ev(local('2022-04-23', '09:00'), staff.display_name, 'assign', 'pending', 'rectifying', '限 2022-05-20 前整改完毕');
    ev(hazard.rectified_at!, hazard.responsible_person!, 'submit', 'rectifying', 'review', '已更换全部罐区法兰垫片 46 处，易损件纳入点检表');
    ev(hazard.closed_at!, '李建华', 'accept', 'review', 'closed', '现场复查合格，予以销号');
    h.lesson(8 * 1440 + 10, 8 * 1440 + 20, '罐区管线法兰垫片等易损件未纳入定期检查更换，老化破损导致泄漏', { hazard });
    h.lesson(8 * 1440 + 12, 9 * 1440, '园区救援队调用园区物资库物资须逐级电话请示，延误约 10 分钟', {
      planId: planNamed('汨水市危险化学品事故应急预案').plan.id, note: '明确园区救援队可先行调用园区应急物资库物资，事后 24 小时内补办调拨手续' });
    h.close(32 * 1440 + 60);
  }

  // ── SJ-2022-0003 "6·21" 山洪: 罗江镇, relocation grows past 1,000 → 较大, Ⅳ→Ⅲ approved, Ⅲ→Ⅳ on the 23rd. ─────────────
  {
    const town = townCode('罗江镇');
    const vs = villagesOf(base, town).filter((v) => v.name.endsWith('村'));
    const hill = vs.find((v) => v.name === '钟家山村') ?? vs[0];
    const second = vs.find((v) => v.name === '金冲村') ?? vs[1];
    const shelters = res.shelters.filter((s) => s.region_code === town);
    const housed = shelters.reduce((a, s) => a + Number(s.occupancy), 0);
    // People housed in the town's shelters (the resources module's occupancy) plus those who went to relatives (投亲靠友).
    const relocated = housed + 436;
    const zero = { dead: 0, injured: 0, missing: 0, trapped: 0 };
    const fl = incident(3, {
      title: '罗江镇“6·21”山洪灾害', kind: 'flood', source: 'department', reporter: [townLuojiang.display_name, townLuojiang.phone, '罗江镇应急管理站'],
      occurred: local('2022-06-21', '10:40'), reported: local('2022-06-21', '10:52'), address: `罗江镇${hill.name}、${second.name}山洪灾害危险区及罗江干堤 K3+200 段`,
      lng: hill.center_lng, lat: hill.center_lat, regionCode: town,
      description: `受持续强降雨影响（罗江镇 6 小时降雨 186 毫米），${hill.name}、${second.name}山洪暴发，部分房屋进水、村道冲毁；罗江干堤 K3+200 段出现散浸。镇里已组织危险区群众转移 320 人。`,
      facts: { ...zero, lossWan: 0, relocated: 320 }, by: townLuojiang,
    });
    const floodTeam = named('teams', '汨水市防汛抢险队');
    const townTeam = named('teams', '罗江镇应急救援分队');
    const brigade = named('teams', RESCUE_BRIGADE_NAME);
    fl.start(38, 4, '汨水市防汛抗旱应急预案', '罗江镇已按乡镇预案先期处置并报请支援，山洪和堤防散浸同时发生，启动防汛Ⅳ级应急响应', {});
    fl.dispatch(40, 'team', townTeam, teamSummary(townTeam), { enRoute: 41, onScene: 55 });
    fl.dispatch(40, 'team', floodTeam, teamSummary(floodTeam), { enRoute: 45, onScene: 85 }, undefined, '罗江干堤 K3+200 散浸抢护');
    fl.dispatch(60, 'team', brigade, teamSummary(brigade), { enRoute: 66, onScene: 118 }, undefined, `携冲锋舟转移${second.name}被困群众`);
    const boats = res.equipment.find((e) => e.name === '冲锋舟' && e.owner_team_id === floodTeam.id)!;
    fl.dispatch(42, 'equipment', boats, `${boats.quantity} 艘 · ${boats.model}`, { enRoute: 45, onScene: 85 });
    const ex = expertIn('防汛抗旱');
    fl.dispatch(70, 'expert', ex, expertSummary(ex), { onScene: 150 }, undefined, '堤防险情研判');
    // The flood depot's two outbound lines of the resources module are this incident's supplies.
    const depot = named('warehouses', '汨水市防汛物资仓库');
    for (const l of (res.ledger as Row[]).filter((x) => x.warehouse_id === depot.id && String(x.reason).startsWith('6·21') && x.kind === 'outbound')) {
      l.ref_type = 'incident';
      l.ref_id = fl.id;
      const item = res.items.find((x) => x.id === l.item_id)!;
      const min = (Date.parse(String(l.at)) - Date.parse(fl.row.reported_at)) / MIN;
      fl.dispatch(min, 'warehouse', depot, `${item.name} ${Number(l.balance_after) - Number(l.quantity)} ${item.unit}`, { enRoute: min + 10, onScene: min + 70 },
        { itemId: item.id as string, itemName: item.name as string, quantity: -Number(l.quantity), ledgerId: l.id as string });
    }
    fl.answerAll(50, {}, { 2: '镇应急分队和防汛抢险队已到场，堤段散浸处开挖导渗沟、铺设反滤层，险情暂时稳定' });
    // Relocation grows past 1,000 (较大 by the natural-disaster table) and the county raises the response with approval.
    fl.facts(218, { ...zero, lossWan: 0, relocated: 1260 }, '罗江镇 14:30 报：累计转移安置 1260 人');
    fl.change(228, 3, '转移安置超过 1000 人，事件初判升为较大；市气象台发布暴雨橙色预警，降雨仍将持续', 243, true, '同意，启动Ⅲ级响应，各工作组按Ⅲ级职责开展工作');
    const s1 = fl.task(250, `组织冲锋舟转移${second.name}低洼处被困群众`, rescuer.org_id!, RESCUE_BRIGADE_NAME, 370);
    const s2 = fl.task(252, '统计转移安置人数和受灾情况，每 2 小时报告一次', townLuojiang.org_id!, '罗江镇应急管理站', 372);
    fl.answerAll(255, { [s1.seq as number]: rescuer, [s2.seq as number]: townLuojiang }, {
      [s1.seq as number]: `已用冲锋舟分 6 批转移${second.name}低洼处群众 47 人，其中老人 12 人，无人员伤亡`,
      [s2.seq as number]: '截至 16 时累计转移安置 1980 人（集中安置 1620 人、投亲靠友 360 人），各安置点人数已列表上报；倒塌房屋 3 间，冲毁村道 2.4 公里，后续每 2 小时续报',
    }, { seq: s2.seq as number, note: '请按集中安置和投亲靠友分别统计，并附各安置点人数', first: '累计转移约 1900 人' });
    for (const s of shelters) fl.dispatch(300, 'shelter', s, shelterSummary(s), { onScene: 330 }, undefined, `开放安置点，安置 ${s.occupancy} 人`);
    fl.message(540, '汨水市应急物资储备库向罗江镇应急物资储备点调拨帐篷 40 顶、棉被 200 床，用于安置点');
    fl.facts(630, { ...zero, lossWan: 420, relocated }, '罗江镇 21:00 核报');
    fl.message(1300, '6 月 22 日 8 时：降雨减弱，罗江干堤 K3+200 段散浸点经导渗处理后稳定，专家建议继续 24 小时巡堤');
    fl.change(2770, 4, '降雨已停，罗江水位回落至警戒水位以下，堤防险情稳定', 2800, true, '同意降为Ⅳ级，保留巡堤和安置点保障');
    fl.facts(4200, { ...zero, lossWan: 860, relocated }, '罗江镇和水利、住建部门核定损失');
    fl.terminate(4300, { ...zero, lossWan: 860, relocated }, '雨情、汛情、险情解除，安置群众陆续返家，转入灾后恢复');
    fl.review(11750, '本次过程系强对流天气引发的短时强降雨，罗江镇 6 小时降雨 186 毫米，引发山洪和堤防散浸。因提前转移，无人员伤亡；倒塌房屋 3 间，直接经济损失约 860 万元。',
      '“户包人、村包户、干部包村”转移机制有效，冲锋舟转移及时。暴露问题：部分村转移路线标识不清，夜间转移照明不足；镇级物资储备点帐篷、棉被数量偏少，需市级调拨补充。');
    fl.lesson(11760, 12100, '部分村山洪转移路线标识不清，夜间转移照明不足', {
      planId: planNamed('罗江镇突发事件应急预案').plan.id, note: '在罗江镇预案中补充每个山洪危险区的转移路线图、路线标识和夜间照明保障责任人' });
    fl.lesson(11765, 12110, '镇级储备点帐篷、棉被偏少，安置高峰依赖市级调拨', {
      planId: planNamed('汨水市防汛抗旱应急预案').plan.id, note: '在防汛抗旱应急预案物资保障中明确镇级储备点帐篷、棉被的最低储备量和汛前补库要求' });
    fl.close(12800);
  }

  out.timeline.sort((a, b) => String(a.incident_id).localeCompare(String(b.incident_id)) || String(a.at).localeCompare(String(b.at)));
  out.numberSequences.push({ kind: 'incident', year: 2022, last: out.incidents.length });
  return { commandIncidents: out };
}
