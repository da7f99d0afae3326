// A report upward as a document: Word (.docx, the platform's renderer) for the paper trail and the fax/e-mail the upper
// level still expects, and EDXL-SitRep 1.0 XML for systems. SitRep, not CAP: CAP (used for our public warnings) alerts
// people to act, while a 初报/续报/终报 is a situation report to a higher authority — exactly SitRep's purpose, and its
// ReportVersion (Initial / Update / Final) maps one-to-one onto 初报 / 续报 / 终报. The XML carries SitRep's header
// elements and a SituationInformation report with the narrative and casualty figures; it is not validated against the
// OASIS schema here (no XSD validator in the stack) — say so to a receiving system that validates strictly.
import { REPORT_KINDS } from '../../../../contracts/command-reports.js';
import type { DocModel } from '../../../platform/docx/model.js';
import { shanghaiDate } from '../../../platform/settings/rules.js';
import type { ReportRow } from './reports.store.js';

const cn = (iso: string | Date | null) => {
  if (!iso) return '';
  const d = new Date(iso);
  const [y, m, day] = shanghaiDate(d).split('-').map(Number);
  return `${y}年${m}月${day}日 ${new Date(d.getTime() + 8 * 3600_000).toISOString().slice(11, 16)}`;
};

/** The report as a printable model (Word and HTML render the same model). */
export function reportDocModel(r: ReportRow, incidentNumber: string): DocModel {
  const c = r.content;
  const casualties = `死亡 ${c.dead} 人，受伤 ${c.injured} 人，失踪 ${c.missing} 人，被困 ${c.trapped} 人`;
  return {
    authority: c.reporterUnit,
    title: `突发事件信息${r.kind === 'follow_up' ? `续报（第${r.seq}次）` : REPORT_KINDS[r.kind]}`,
    number: r.number,
    blocks: [
      { type: 'paragraph', text: r.title, align: 'center', bold: true },
      { type: 'fields', rows: [
        ['事件编号', incidentNumber], ['发生时间', cn(c.occurredAt)], ['发生地点', c.address], ['事件类别', c.kindLabel], ['事件等级', c.gradeLabel],
        ['响应级别', c.responseLabel], ['人员伤亡', casualties], ['转移安置', `${c.relocated} 人`], ['直接经济损失', `${c.lossWan} 万元（初步估计）`],
      ] },
      { type: 'heading', text: '一、事件概况' },
      { type: 'paragraph', text: c.summary, indent: true },
      { type: 'heading', text: r.kind === 'initial' ? '二、事件经过' : '二、事件进展（自上次报告以来）' },
      c.timeline.length ? { type: 'table', head: ['时间', '情况'], rows: c.timeline.map((l) => [cn(l.at), l.text]) } : { type: 'paragraph', text: '（无新的进展记录）', indent: true },
      { type: 'heading', text: '三、已采取的措施' },
      { type: 'paragraph', text: c.measures || '—', indent: true },
      { type: 'heading', text: '四、下一步工作' },
      { type: 'paragraph', text: c.nextSteps || '—', indent: true },
      { type: 'signature', lines: [
        `报送单位：${c.reporterUnit}`, `审核人：${r.approved_by_name ?? '（待审核）'}`, `联系人：${c.contact}  电话：${c.phone || '—'}`,
        `报送时间：${r.sent_at ? cn(r.sent_at) : '（未报送）'}`,
      ] },
    ],
    footer: r.recipients.length ? `报送：${r.recipients.map((x) => x.name).join('、')}` : undefined,
  };
}

const x = (s: string | number) => String(s).replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch]!);
const VERSION = { initial: 'Initial', follow_up: 'Update', final: 'Final' } as const;

/** The report as EDXL-SitRep 1.0 XML (see the file comment for what it covers). */
export function reportSitRep(r: ReportRow, incident: { id: string; number: string; title: string; status: string }, seq: { ordinal: number; previousId: string | null }): string {
  const c = r.content;
  const lifecycle = incident.status === 'closed' || incident.status === 'terminated' ? 'Recovery' : 'Response';
  return `<?xml version="1.0" encoding="UTF-8"?>
<SitRep xmlns="urn:oasis:names:tc:emergency:EDXL:SitRep:1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xml:lang="zh-CN">
  <MessageID>${x(r.id)}</MessageID>
  <PreparedBy><PersonDetails><PersonName>${x(c.contact)}</PersonName><Organisation>${x(c.reporterUnit)}</Organisation><Phone>${x(c.phone)}</Phone></PersonDetails></PreparedBy>
  <AuthorizedBy><PersonDetails><PersonName>${x(r.approved_by_name ?? '')}</PersonName><Organisation>${x(c.reporterUnit)}</Organisation></PersonDetails>
    <TimeValue>${x(r.approved_at ? new Date(r.approved_at).toISOString() : '')}</TimeValue></AuthorizedBy>
  <ReportPurpose>${x(r.title)}</ReportPurpose>
  <ReportNumber>${seq.ordinal}</ReportNumber>
  <ReportVersion>${VERSION[r.kind]}</ReportVersion>
  <ForTimePeriod><FromDateTime>${x(new Date(c.occurredAt).toISOString())}</FromDateTime><ToDateTime>${x(new Date(r.sent_at ?? r.drafted_at).toISOString())}</ToDateTime></ForTimePeriod>
  <ReportTitle>${x(r.number)} ${x(r.title)}</ReportTitle>
  <IncidentID>${x(incident.number)}</IncidentID>
  <IncidentLifecyclePhase>${lifecycle}</IncidentLifecyclePhase>
  ${seq.previousId ? `<PrecedingMessageID>${x(seq.previousId)}</PrecedingMessageID>` : ''}
  <Urgency>${r.kind === 'initial' ? 'Immediate' : 'Expected'}</Urgency>
  <ReportConfidence>${r.kind === 'final' ? 'HighlyConfident' : 'SomewhatConfident'}</ReportConfidence>
  <Severity>${x(c.gradeLabel)}</Severity>
  <ReportingLevel>LocalAgency</ReportingLevel>
  <Report xsi:type="SituationInformation">
    <IncidentName>${x(incident.title)}</IncidentName>
    <Location>${x(c.address)}</Location>
    <IncidentKind>${x(c.kindLabel)}</IncidentKind>
    <ResponseLevel>${x(c.responseLabel)}</ResponseLevel>
    <SituationSummary>${x(c.summary)}</SituationSummary>
    <Casualties dead="${c.dead}" injured="${c.injured}" missing="${c.missing}" trapped="${c.trapped}" relocated="${c.relocated}"/>
    <EconomicLossTenThousandYuan>${c.lossWan}</EconomicLossTenThousandYuan>
    <ActionsTaken>${x(c.measures)}</ActionsTaken>
    <Timeline>${c.timeline.map((l) => `\n      <Entry at="${x(new Date(l.at).toISOString())}">${x(l.text)}</Entry>`).join('')}
    </Timeline>
    <PlannedActions>${x(c.nextSteps)}</PlannedActions>
  </Report>
</SitRep>
`;
}
