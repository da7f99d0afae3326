// Demo law enforcement (行政执法), consistent with the report (seed-figures.md rows 5, 7–11, 13) for 2022-01-01..06-30:
// row 5 the 公安（交警） tallies; row 7/11 45 停产停业整顿 measures (12 金属冶炼 + 2 钢纤维 + 4 鞋楦 + 5 特种制泵 + 22 林木加工) and
// row 9/13 2 closures, taken from the registry's status story; row 8 the 烟花爆竹打非 campaign (1,865 shops inspected, 94 查处 with
// 2,865 挂 鞭炮 + 648 件 烟花 and 1 vehicle seized, 3 people 行政拘留 via 行刑衔接); row 10 the 5 mines (解剖式检查, findings linked to the
// hazard module's 82 + 2 hazards when present, 立案 2 起, 14 numbered documents, fines 40,000 元, 1 停止使用设备). Plus extra officers,
// the 2022 plan, one published 双随机 draw that recomputes, and tip-offs all answered.
import { computeDraw, DRAW_ALGORITHM, resultHash } from '../server/domains/enforcement/draws/algorithm.js';
import { COUNTY_CODE } from './county.js';
import { orgByName } from './orgs.js';
import type { DemoContext } from './random.js';
import type { AccountRow, DemoData, EnterpriseRow } from './types.js';

type Row = Record<string, unknown>;
/** The enforcement tables' rows, in insertion order (see the TABLES lines in the report). */
export interface EnforcementDemo {
  officers: AccountRow[]; campaigns: Row[]; plans: Row[]; planItems: Row[]; draws: Row[]; drawUnits: Row[]; inspections: Row[]; inspectionOfficers: Row[]; findings: Row[];
  tipoffs: Row[]; cases: Row[]; caseOfficers: Row[]; caseEvents: Row[]; measures: Row[]; transfers: Row[]; documents: Row[]; services: Row[]; tallies: Row[]; numberSequences: Row[];
  /** 举报奖励 and 回避 declarations (added after the rows above, so that their ids and data stay as they were). */
  rewards: Row[]; avoidances: Row[];
}
type Base = DemoData & { campaigns?: { id: string; name: string }[]; hazards?: { id: string; number: string; enterprise_id: string | null; campaign_id: string | null; title: string; level: string }[] };

const at = (day: string, hour = 10) => new Date(Date.parse(`${day}T00:00:00Z`) + (hour - 8) * 3600_000).toISOString();
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86400_000).toISOString().slice(0, 10);
const cn = (day: string) => { const [y, m, d] = day.split('-').map(Number); return `${y}年${m}月${d}日`; };
const AGENCY = '汨水市应急管理局';

export function generate(ctx: DemoContext, base: Base): { enforcement: EnforcementDemo } {
  const { rng } = ctx;
  const out: EnforcementDemo = { officers: [], campaigns: [], plans: [], planItems: [], draws: [], drawUnits: [], inspections: [], inspectionOfficers: [], findings: [], tipoffs: [],
    cases: [], caseOfficers: [], caseEvents: [], measures: [], transfers: [], documents: [], services: [], tallies: [], numberSequences: [], rewards: [], avoidances: [] };
  const seq = new Map<string, number>();
  const next = (kind: string) => { const n = (seq.get(kind) ?? 0) + 1; seq.set(kind, n); return n; };
  const docNo = (abbr: string) => `（汨）应急${abbr}〔2022〕${next(`doc:${abbr}`)}号`;
  const squad = orgByName(base, '政策法规股(执法大队)');
  const mineUnit = orgByName(base, '非煤矿山和工贸安全监督管理股');

  // Officers of the 执法大队 (the demo 'officer' account is one of them).
  const officer = base.accounts.find((a) => a.username === 'officer')!;
  for (let i = 1; i <= 8; i++) {
    out.officers.push({ id: ctx.id(), username: `zf${String(i).padStart(2, '0')}`, display_name: ctx.personName(), phone: ctx.mobile(), roles: ['officer'], org_id: squad.id,
      scope_kind: 'all', scope_region_code: null, scope_org_id: null, scope_enterprise_id: null, enforcement_cert_no: `湘应执字430699${String(130 + i).padStart(5, '0')}`,
      must_change_password: false, is_demo: true });
  }
  const team = [{ id: officer.id, name: officer.display_name, certNo: officer.enforcement_cert_no! }, ...out.officers.map((o) => ({ id: o.id, name: o.display_name, certNo: o.enforcement_cert_no! }))];
  const pair = () => rng.sample(team, 2);

  function inspect(e: EnterpriseRow | null, day: string, o: { origin: string; campaignId?: string | null; planId?: string | null; drawId?: string | null; place?: { name: string; region: string };
    summary?: string; org?: string }) {
    const id = ctx.id();
    const officers = pair();
    out.inspections.push({ id, number: `JC-2022-${String(next('enforcement.JC')).padStart(6, '0')}`, origin: o.origin, plan_id: o.planId ?? null, draw_id: o.drawId ?? null,
      campaign_id: o.campaignId ?? null, org_id: o.org ?? squad.id, enterprise_id: e?.id ?? null, unit_name: e?.name ?? o.place!.name, unit_address: e?.address ?? null,
      unit_credit_code: e?.credit_code ?? null, unit_legal_rep: e?.legal_representative ?? null, region_code: e?.region_code ?? o.place!.region, sector: e?.sector ?? 'fireworks',
      subtype: e?.subtype ?? null, status: 'completed', planned_on: day, started_at: at(day, 9), ended_at: at(day, 11), summary: o.summary ?? '按检查表逐项检查', signer_name: e?.legal_representative ?? ctx.personName() });
    officers.forEach((x, i) => out.inspectionOfficers.push({ inspection_id: id, officer_id: x.id, officer_name: x.name, cert_no: x.certNo, position: i + 1 }));
    return { id, officers, e, day };
  }
  type Subject = { id: string; officers: typeof team; e: EnterpriseRow | null; day: string };
  function document(kind: string, title: string, abbr: string | null, s: Subject, day: string, refs: { case_id?: string; measure_id?: string; inspection_id?: string | null }, extra: Row = {}) {
    const id = ctx.id();
    const number = abbr ? docNo(abbr) : null;
    out.documents.push({ id, kind, number, year: 2022, seq: number ? seq.get(`doc:${abbr}`)! : null, title, org_id: squad.id, enterprise_id: s.e?.id ?? null,
      party_name: s.e?.name ?? '', region_code: s.e?.region_code ?? COUNTY_CODE, sector: s.e?.sector ?? null, inspection_id: refs.inspection_id === undefined ? s.id : refs.inspection_id,
      case_id: refs.case_id ?? null, measure_id: refs.measure_id ?? null, transfer_id: null, issued_at: at(day, 15), issued_by: officer.id, issued_by_name: officer.display_name,
      fields: { agency: AGENCY, issuedOn: cn(day), party: { name: s.e?.name ?? '', address: s.e?.address ?? null, creditCode: s.e?.credit_code ?? null, legalRep: s.e?.legal_representative ?? null },
        officers: s.officers, ...extra } });
    return { id, number };
  }
  function measure(kind: string, s: Subject, day: string, reason: string, o: { caseId?: string; items?: Row[]; basis?: string | null; lifted?: string | null; org?: string }) {
    const id = ctx.id();
    out.measures.push({ id, kind, case_id: o.caseId ?? null, inspection_id: o.caseId ? null : s.id, org_id: o.org ?? squad.id, enterprise_id: s.e?.id ?? null,
      party_name: s.e?.name ?? '', region_code: s.e?.region_code ?? COUNTY_CODE, sector: s.e?.sector ?? null, subtype: s.e?.subtype ?? null, reason, basis: o.basis ?? null,
      items: JSON.stringify(o.items ?? []), decided_at: at(day, 14), due_on: null, lifted_at: o.lifted ? at(o.lifted, 10) : null, lift_reason: o.lifted ? '整改验收合格，同意恢复' : null, created_by: officer.id });
    return id;
  }

  // Row 5: what the traffic police reported for the half year.
  const police = orgByName(base, '汨水市公安局');
  for (const [item, quantity, unit] of [['查处交通违法行为', 10992, '起'], ['约谈事故多发乡镇', 4, '个']] as const) {
    out.tallies.push({ id: ctx.id(), org_id: police.id, region_code: COUNTY_CODE, period_from: '2022-01-01', period_to: '2022-06-30', item, quantity, unit, note: '公安局交警大队报送', created_by: null });
  }

  // The 2022 plan of the 执法大队, and a published 双随机 draw under it (hazchem and 工贸, higher weight for red/orange).
  const planId = ctx.id();
  out.plans.push({ id: planId, year: 2022, org_id: squad.id, region_code: COUNTY_CODE, name: '2022年度安全生产监督检查计划', status: 'approved', note: '双随机抽查不低于计划的70%',
    approved_by: null, approved_at: at('2022-01-10'), created_by: officer.id });
  for (const [sector, months, planned] of [['hazchem', [3, 5, 9, 11], 6], ['industry_trade', [4, 6, 8, 10], 8], ['non_coal_mine', [4, 5], 3], ['fireworks', [1, 2, 12], 300]] as const) {
    for (const month of months) out.planItems.push({ id: ctx.id(), plan_id: planId, sector, month, kind: sector === 'fireworks' ? 'key' : 'random', planned });
  }
  const live = base.enterprises.filter((e) => ['hazchem', 'industry_trade'].includes(e.sector) && ['operating', 'suspended'].includes(e.status));
  const pool = live.map((e) => ({ code: e.credit_code, id: e.id, name: e.name, regionCode: e.region_code, sector: e.sector, riskLevel: e.risk_level })).sort((a, b) => (a.code < b.code ? -1 : 1));
  const officerPool = [...team].sort((a, b) => (a.certNo < b.certNo ? -1 : 1)).map((o) => ({ certNo: o.certNo, id: o.id, name: o.name }));
  const criteria = { sectors: ['hazchem', 'industry_trade'], regionCode: null, riskLevels: [], mode: 'count', ratio: null, count: 6, riskRates: null, riskWeights: { red: 3, orange: 2 },
    officersPerUnit: 2, officerIds: null, seedSource: '2022年5月6日 召开双随机抽取会议，由纪检监察人员现场掷骰产生' };
  const seed = '20220506-6-3-1-5-2-4';
  const result = computeDraw({ seed, pool, officers: officerPool, exclusions: [], criteria: { mode: 'count', count: 6, riskWeights: { red: 3, orange: 2 }, officersPerUnit: 2 } });
  const drawId = ctx.id();
  out.draws.push({ id: drawId, number: `SJ-2022-${String(next('enforcement.SJ')).padStart(4, '0')}`, plan_id: planId, org_id: squad.id, region_code: COUNTY_CODE,
    title: '2022年危险化学品和工贸企业“双随机”抽查', matter: '安全生产许可条件、重大危险源管控、粉尘涉爆和有限空间作业', status: 'published', criteria, seed, algorithm: DRAW_ALGORITHM,
    pool: JSON.stringify(pool), officer_pool: JSON.stringify(officerPool), exclusions: '[]', result: JSON.stringify(result), result_hash: resultHash(result), rule_version: 'enforcement.draw@default',
    drawn_at: at('2022-05-06', 9), drawn_by: officer.id, drawn_by_name: officer.display_name, publish_due: '2022-06-06', published_at: at('2022-05-07', 9), redraw_of: null, redraw_reason: null });
  result.forEach((r, i) => {
    const e = live.find((x) => x.credit_code === r.unit)!;
    const officers = r.officers.map((c) => team.find((o) => o.certNo === c)!);
    const s = inspect(e, addDays('2022-05-10', i * 3), { origin: 'draw', drawId, planId });
    out.inspectionOfficers.splice(out.inspectionOfficers.length - 2, 2, ...officers.map((x, k) => ({ inspection_id: s.id, officer_id: x.id, officer_name: x.name, cert_no: x.certNo, position: k + 1 })));
    out.drawUnits.push({ draw_id: drawId, enterprise_id: e.id, position: i + 1, enterprise_name: e.name, region_code: e.region_code, officer_ids: officers.map((o) => o.id) });
  });

  // Rows 7, 9, 11, 13: the registry's 2022-H1 orders become the measures of 专项整治 inspections (their 文号 stay in the registry).
  for (const c of base.enterpriseStatusChanges.filter((x) => x.effective_on < '2022-07-01'
    && (['suspended', 'banned'].includes(x.to_status) || (x.to_status === 'closed' && !!x.document_no?.startsWith('汨住建罚'))))) {
    const e = base.enterprises.find((x) => x.id === c.enterprise_id)!;
    const byDept = c.document_no?.startsWith('汨住建罚');
    const s = inspect(e, c.effective_on, { origin: 'adhoc', summary: c.reason, org: byDept ? c.ordered_by_org_id ?? undefined : undefined });
    const back = base.enterpriseStatusChanges.find((x) => x.enterprise_id === e.id && x.to_status === 'operating' && x.effective_on > c.effective_on);
    measure(c.to_status === 'suspended' ? 'suspend_business' : 'closure', s, c.effective_on, c.reason, { basis: c.document_no, lifted: back?.effective_on ?? null, org: byDept ? c.ordered_by_org_id ?? undefined : undefined });
  }

  // Row 8: 烟花爆竹打非 before the Spring Festival — every retail shop checked, 94 查处 with seizures, 3 detained via 行刑衔接.
  const fwCampaign = { id: ctx.id(), name: '2022年烟花爆竹“打非治违”专项行动', kind: 'holiday', period_from: '2022-01-04', period_to: '2022-02-28', region_code: COUNTY_CODE,
    organizer_org_id: squad.id, description: '春节前后对全市烟花爆竹经营门店开展拉网式排查，严厉打击非法生产、经营、储存、运输烟花爆竹行为', created_by: null };
  out.campaigns.push(fwCampaign);
  const shops = base.enterprises.filter((e) => e.sector === 'fireworks' && e.sector_detail === 'retail').slice(0, 1865);
  const illegal = new Set(rng.sample(shops, 94).map((e) => e.id));
  const firecrackers = split(rng, 2865, 94); const fireworks = split(rng, 648, 94);
  let k = 0;
  for (const [i, e] of shops.entries()) {
    const s = inspect(e, addDays('2022-01-04', Math.floor(i / 40)), { origin: 'campaign', campaignId: fwCampaign.id, summary: illegal.has(e.id) ? '查获超范围、超量储存烟花爆竹' : '未发现非法经营储存行为' });
    if (!illegal.has(e.id)) continue;
    const items: Row[] = [{ name: '鞭炮', quantity: firecrackers[k], unit: '挂' }, { name: '烟花', quantity: fireworks[k], unit: '件' }];
    if (k === 0) items.push({ name: '非法运输车辆', quantity: 1, unit: '台' });
    measure('seize', s, s.day, k === 0 ? '非法储存烟花爆竹并使用无资质车辆运输' : '超许可范围、超量储存烟花爆竹', { items, basis: '《烟花爆竹安全管理条例》第三十六条' });
    if (k === 0) {
      out.transfers.push({ id: ctx.id(), case_id: null, org_id: squad.id, enterprise_id: e.id, party_name: e.name, region_code: e.region_code, suspected_offence: '非法储存、运输烟花爆竹（违反治安管理）',
        facts: '在居住场所非法储存烟花爆竹并使用无危险货物运输资质车辆运输', team: s.officers.map((o) => `${o.name}（${o.certNo}）`).join('、'), status: 'accepted', reported_at: at(s.day, 16),
        decided_at: at(addDays(s.day, 1), 9), decision_note: '同意移送', transferred_at: at(addDays(s.day, 1), 15), police_org: '汨水市公安局', police_decided_at: at(addDays(s.day, 3), 10),
        police_note: '依法对 3 名涉案人员予以行政拘留', persons_detained: 3, created_by: officer.id });
    }
    k++;
  }

  // Row 10: the 5 mines — 解剖式检查 with experts, findings (the hazard module's), 14 numbered documents, 2 cases, 40,000 元, 1 停用设备.
  const mineCampaign = base.campaigns?.find((c) => c.name === '非煤矿山解剖式执法检查');
  const mines = base.enterprises.filter((e) => e.sector === 'non_coal_mine').slice(0, 5);
  mines.forEach((e, i) => {
    const s = inspect(e, addDays('2022-04-06', i * 10), { origin: mineCampaign ? 'campaign' : 'plan', campaignId: mineCampaign?.id ?? null, planId, org: mineUnit.id, summary: '邀请省级专家开展解剖式执法检查' });
    const found = (base.hazards ?? []).filter((h) => h.enterprise_id === e.id && mineCampaign && h.campaign_id === mineCampaign.id);
    for (const h of found) out.findings.push({ id: ctx.id(), inspection_id: s.id, hazard_id: h.id, hazard_number: h.number, item_code: null, title: h.title, level: h.level, basis: null });
    const deadline = addDays(s.day, 20);
    document('inspection_record', '现场检查记录', null, s, s.day, {}, { inspectionNumber: out.inspections.at(-1)!.number, place: e.address ?? e.name, findings: found.map((h) => h.title) });
    document('rectify_order', '责令限期整改指令书', '责改', s, s.day, {}, { items: found.length ? found.slice(0, 8).map((h) => h.title) : ['采场边坡台阶高度超过设计要求'], deadline, deadlineText: cn(deadline) });
    if (i < 4) document('review_opinion', '整改复查意见书', '复', s, addDays(deadline, 3), {}, { opinion: '经复查，责令整改的问题已整改完毕', passed: 'true' });
    if (i === 0) {
      const m = measure('stop_use', s, s.day, '破碎站未设置安全护栏，责令停止使用破碎设备', { basis: '《中华人民共和国安全生产法》第七十条', lifted: deadline });
      document('onsite_measure', '现场处理措施决定书', '处', s, s.day, { measure_id: m }, { measureLabel: '责令停止使用相关设施、设备', reason: '破碎站未设置安全护栏', basis: '安全生产法第七十条' });
    }
    if (i < 2) {
      const fine = i === 0 ? 25000 : 15000;
      const caseId = ctx.id();
      const filed = addDays(s.day, 5); const notified = addDays(filed, 15); const decided = addDays(notified, 10); const served = addDays(decided, 1); const paid = addDays(served, 8);
      const decision = { kinds: ['fine'], fine, basis: '《中华人民共和国安全生产法》第九十九条', facts: found[0]?.title ?? '未按设计开采' };
      out.cases.push({ id: caseId, number: `（汨）应急立〔2022〕${next('doc:立')}号`, status: 'closed', source: 'inspection', inspection_id: s.id, tipoff_id: null, org_id: mineUnit.id,
        enterprise_id: e.id, party_kind: 'org', party_name: e.name, party_address: e.address, party_credit_code: e.credit_code, party_legal_rep: e.legal_representative, region_code: e.region_code,
        sector: e.sector, subtype: e.subtype, cause: '未按照设计进行开采、安全设施不符合要求', facts: decision.facts, requested_at: at(filed, 9), filed_at: at(filed, 16), filing_opinion: '同意立案',
        notified_at: at(notified), proposal: decision, hearing_eligible: false, hearing_requested_at: null, hearing_on: null, hearing_held_at: null, waived: false, decided_at: at(decided),
        decision, fine, served_at: at(served), payment_due: addDays(served, 15), paid_at: at(paid), paid_amount: fine, surcharge_paid: 0, reminded_at: null, enforcement_applied_at: null,
        closed_at: at(addDays(paid, 2)), closing_note: '罚款已缴清，结案', rule_version: 'enforcement.case.limits@default', created_by: officer.id });
      s.officers.forEach((x, n) => out.caseOfficers.push({ case_id: caseId, officer_id: x.id, officer_name: x.name, cert_no: x.certNo, position: n + 1 }));
      for (const [action, day, to] of [['file', filed, 'filing'], ['approve', filed, 'investigating'], ['notify', notified, 'notified'], ['decide', decided, 'decided'], ['serve', served, 'executing'], ['pay', paid, 'executing'], ['close', addDays(paid, 2), 'closed']]) {
        out.caseEvents.push({ id: ctx.id(), case_id: caseId, at: at(day, 11), actor_id: officer.id, actor_name: officer.display_name, action, from_status: null, to_status: to, comment: null, files: [], data: null });
      }
      const refs = { case_id: caseId, inspection_id: s.id };
      document('penalty_notice', '行政处罚告知书', '告', s, notified, refs, { caseNumber: out.cases.at(-1)!.number, facts: decision.facts, basis: decision.basis, penaltyText: `罚款 ${fine}.00 元`, statementDue: cn(addDays(notified, 3)) });
      const d = document('penalty_decision', '行政处罚决定书', '罚', s, decided, refs, { caseNumber: out.cases.at(-1)!.number, facts: decision.facts, basis: decision.basis, penaltyText: `罚款 ${fine}.00 元`, fine, notifiedOn: cn(notified) });
      const serviceId = ctx.id();
      out.services.push({ id: serviceId, document_id: d.id, method: 'direct', served_at: at(served), recipient: e.legal_representative ?? '法定代表人', signature_file_id: null, refusal_note: null,
        witness: null, note: '当场签收', recorded_by: officer.id, recorded_by_name: officer.display_name });
      document('service_receipt', '送达回执', '送', s, served, refs, { serviceId, documentTitle: '行政处罚决定书', documentNumber: d.number, servedAt: cn(served), method: '直接送达', recipient: e.legal_representative ?? '' });
    }
  });

  // Tip-offs of the half year (12350 and the web): every one answered in time.
  const regions = base.regions.filter((r) => r.level === 'town');
  for (let i = 0; i < 8; i++) {
    const day = addDays('2022-01-15', i * 20);
    const anon = rng.chance(0.5);
    out.tipoffs.push({ id: ctx.id(), number: `JB-2022-${String(next('enforcement.JB')).padStart(6, '0')}`, tracking_hash: ctx.id().replace(/-/g, '') + ctx.id().replace(/-/g, ''),
      channel: i % 3 === 0 ? 'web' : 'phone', anonymous: anon, reporter_name: anon ? null : ctx.personName(), reporter_phone: anon ? null : ctx.mobile(), category: i % 4 === 0 ? 'hazard' : 'violation',
      subject_name: rng.pick(['某烟花爆竹零售店', '某木材加工作坊', '某加油站', '某采石场']), subject_address: null, enterprise_id: null, region_code: rng.pick(regions).code,
      content: rng.pick(['门店后屋违规储存大量烟花爆竹', '车间粉尘大，除尘设备长期不开', '夜间违规卸油无人监护', '爆破作业时未设置警戒']), status: 'replied', received_at: at(day, 9),
      reply_due: addDays(day, 60), assigned_org_id: squad.id, assignee_id: officer.id, assigned_at: at(day, 15), verify_result: i % 3 === 1 ? 'unsubstantiated' : 'substantiated',
      verify_note: '已现场核查', verified_at: at(addDays(day, 5)), reply: i % 3 === 1 ? '经现场核查，未发现举报所述问题，感谢您的监督。' : '经核查举报属实，已责令整改并依法处理，感谢您的监督。',
      replied_at: at(addDays(day, 12)), case_id: null, rule_version: 'enforcement.tipoff@default', created_by: null });
  }

  // 送达 of the mines' 责令限期整改指令书: four signed on site, one refused and left with a witness (留置送达).
  const orders = out.documents.filter((d) => d.kind === 'rectify_order');
  orders.forEach((d, i) => {
    const day = (d.issued_at as string).slice(0, 10);
    const e = base.enterprises.find((x) => x.id === d.enterprise_id)!;
    const left = i === orders.length - 1;
    const serviceId = ctx.id();
    out.services.push({ id: serviceId, document_id: d.id, method: left ? 'left' : 'direct', served_at: at(day, 16), recipient: e.legal_representative ?? '法定代表人', signature_file_id: null,
      refusal_note: left ? '法定代表人拒绝签收，执法人员将文书留置于矿部办公室' : null, witness: left ? `${ctx.personName()}（所在村村民委员会）` : null, note: left ? '拍照记录留置过程' : '当场签收',
      recorded_by: officer.id, recorded_by_name: officer.display_name });
    const s = { id: d.inspection_id as string, officers: (d.fields as { officers: typeof team }).officers, e, day };
    document('service_receipt', '送达回执', '送', s, day, { inspection_id: s.id }, { serviceId, documentTitle: '责令限期整改指令书', documentNumber: d.number, servedAt: cn(day),
      method: left ? '留置送达' : '直接送达', recipient: e.legal_representative ?? '', refusal: left ? '拒绝签收' : '', witness: '' });
  });

  // 举报奖励: the first two reports found true are rewarded at the minimum (安监总财〔2018〕19号), one paid, one awaiting payment.
  out.tipoffs.filter((t) => t.verify_result === 'substantiated').slice(0, 2).forEach((t, i) => {
    const approved = addDays((t.replied_at as string).slice(0, 10), 10);
    out.rewards.push({ id: ctx.id(), tipoff_id: t.id, basis: `举报${t.category === 'hazard' ? '重大事故隐患' : '安全生产违法行为'}经核查属实，按最低奖励标准核定`, fine: null, amount: 3000, rule_version: 'enforcement.tipoff@default',
      status: i === 0 ? 'paid' : 'approved', approved_by: officer.id, approved_at: at(approved), paid_at: i === 0 ? at(addDays(approved, 7)) : null, paid_note: i === 0 ? '银行转账，凭证号已归档' : null });
  });

  // 回避: two officers declared relations with enterprises (a spouse's employer, a relative's shop).
  const related = [base.enterprises.find((e) => e.sector === 'hazchem')!, base.enterprises.find((e) => e.sector === 'fireworks')!];
  related.forEach((e, i) => out.avoidances.push({ id: ctx.id(), officer_id: out.officers[i].id, enterprise_id: e.id, reason: i === 0 ? '配偶在该企业任安全管理人员' : '近亲属系该门店经营者',
    region_code: e.region_code, created_by: officer.id, created_at: at('2022-06-10') }));

  // Row 11: "目前已有4家企业完成设计诊断" — the 4 工贸 enterprises that resume in 2022-H2 had their 安全设计诊断 reviewed in June
  // (整改复查意见书); the others are still being guided (added last, so the rows above keep their ids and numbers).
  const diagnosed = out.measures.filter((m) => m.kind === 'suspend_business' && m.sector === 'industry_trade' && m.lifted_at && m.subtype !== '金属冶炼');
  diagnosed.forEach((m, i) => {
    const e = base.enterprises.find((x) => x.id === m.enterprise_id)!;
    const officers = out.inspectionOfficers.filter((o) => o.inspection_id === m.inspection_id).map((o) => ({ id: o.officer_id as string, name: o.officer_name as string, certNo: o.cert_no as string }));
    const day = ['2022-06-09', '2022-06-16', '2022-06-23', '2022-06-28'][i % 4];
    document('review_opinion', '整改复查意见书', '复', { id: m.inspection_id as string, officers, e, day }, day, { measure_id: m.id as string },
      { opinion: '经复查，该企业已完成安全设计诊断，按诊断意见制定了整改方案；整改验收合格后方可申请恢复生产', passed: 'false' });
  });

  out.numberSequences = [...seq].map(([kind, last]) => ({ kind, year: 2022, last }));
  return { enforcement: out };
}

/** `total` split into `parts` positive whole numbers (deterministic from the stream). */
function split(rng: DemoContext['rng'], total: number, parts: number): number[] {
  const w = Array.from({ length: parts }, () => rng.int(1, 10));
  const sum = w.reduce((a, b) => a + b, 0);
  const out = w.map((x) => Math.max(1, Math.floor((x * total) / sum)));
  out[0] += total - out.reduce((a, b) => a + b, 0);
  return out;
}
