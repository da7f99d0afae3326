// 行刑衔接 of a case: the 专案组 (≥2 officers) reports a suspected crime; the head decides within 3 days; once approved the
// case goes to the police within 24 hours (the 涉嫌犯罪案件移送书 is made); the police's decision is recorded.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Input, InputNumber, List, Switch, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/mutation';
import type { PageOf } from '../../../api/types';
import { formatTime } from '../../../components/format';
import { ActionModal, type Field } from '../ActionModal';
import { DueTag } from '../EnfTag';
import { CASES, DOCUMENTS, TRANSFERS, TRANSFER_COLOURS, type Transfer } from '../enforcementApi';
import { OfficerSelect } from '../OfficerSelect';

const note = (label: string): Field => ({ name: 'note', label, required: true, input: <Input.TextArea rows={3} />, rules: [{ min: 2, message: '至少 2 个字' }] });

/** The next step of a transfer in its state: path, title, form and what confirming does. */
const STEPS: Record<string, { path: string; title: string; fields: Field[]; confirm: string; initial?: Record<string, unknown> }> = {
  reported: { path: 'decide', title: '负责人决定', initial: { approve: true }, confirm: '批准后须在 24 小时内移送公安机关；不批准的须写明理由。',
    fields: [{ name: 'approve', label: '批准移送', input: <Switch checkedChildren="移送" unCheckedChildren="不移送" />, checkbox: true }, note('决定意见')] },
  approved: { path: 'send', title: '移送公安机关', initial: { policeOrg: '汨水市公安局' }, confirm: '将制作涉嫌犯罪案件移送书，并记录移送时间。',
    fields: [{ name: 'policeOrg', label: '接收的公安机关', required: true, input: <Input /> }] },
  transferred: { path: 'police-result', title: '登记公安机关决定', initial: { accepted: true }, confirm: '登记公安机关立案或不予立案的决定。',
    fields: [{ name: 'accepted', label: '公安机关立案', input: <Switch checkedChildren="立案" unCheckedChildren="不立案" />, checkbox: true }, note('决定情况'),
      { name: 'personsDetained', label: '行政拘留或刑事拘留人数', input: <InputNumber min={0} precision={0} style={{ width: '100%' }} /> }] },
};

/** Form values → the step's body (a switch left untouched is its initial value). */
const bodyOf = (path: string, v: Record<string, unknown>) => path === 'decide' ? { approve: !!v.approve, note: v.note }
  : path === 'police-result' ? { accepted: !!v.accepted, note: v.note, ...(v.personsDetained !== undefined ? { personsDetained: v.personsDetained } : {}) } : { policeOrg: v.policeOrg };

/** One transfer as a line: offence, state, times, open deadlines. */
export function TransferLine({ t }: { t: Transfer }) {
  const open = t.deadlines.filter((d) => d.status === 'open');
  return (
    <Flex vertical>
      <span><Typography.Text strong>{t.suspectedOffence}</Typography.Text> <Tag color={TRANSFER_COLOURS[t.status]}>{t.statusLabel}</Tag>
        {t.personsDetained > 0 && <Tag color="error">拘留 {t.personsDetained} 人</Tag>}</span>
      <Typography.Text type="secondary">{t.partyName} · 专案组 {t.team} · 报告 {formatTime(t.reportedAt)}</Typography.Text>
      {t.decisionNote && <span>决定：{t.decisionNote}（{formatTime(t.decidedAt)}）</span>}
      {t.policeOrg && <span>移送 {t.policeOrg}（{formatTime(t.transferredAt)}）</span>}
      {t.policeNote && <span>公安机关：{t.policeNote}</span>}
      {open.map((d) => <span key={d.id}>{d.label}：<DueTag due={d.dueOn} overdue={d.overdue} /></span>)}
    </Flex>
  );
}

/** The next step's button and form for a transfer. */
export function TransferStep({ t }: { t: Transfer }) {
  const [open, setOpen] = useState(false);
  const step = STEPS[t.status];
  const move = useApiMutation((v: Record<string, unknown>) => api.post<Transfer>(`${TRANSFERS}/${t.id}/${step!.path}`, v),
    { invalidate: [TRANSFERS, CASES, DOCUMENTS], success: (r) => `移送记录：${r.statusLabel}` });
  if (!step) return null;
  return (
    <>
      <Button size="small" type="primary" onClick={() => setOpen(true)}>{step.title}</Button>
      <ActionModal open={open} title={step.title} fields={step.fields} confirm={step.confirm} initialValues={step.initial} pending={move.isPending}
        onSubmit={(v) => move.mutateAsync(bodyOf(step.path, v))} onClose={() => setOpen(false)} />
    </>
  );
}

const REPORT_FIELDS: Field[] = [
  { name: 'suspectedOffence', label: '涉嫌罪名或违法行为', required: true, input: <Input placeholder="如：非法储存爆炸物、重大责任事故" /> },
  { name: 'facts', label: '涉嫌犯罪的事实', required: true, input: <Input.TextArea rows={4} />, rules: [{ min: 4, message: '至少 4 个字' }] },
  { name: 'teamOfficerIds', label: '专案组执法人员', required: true, input: <OfficerSelect />, rules: [{ type: 'array', min: 2, message: '专案组至少两名执法人员' }] },
];

export function TransfersCard({ caseId, canWrite }: { caseId: string; canWrite: boolean }) {
  const [open, setOpen] = useState(false);
  const q = useQuery({ queryKey: [TRANSFERS, { caseId }], queryFn: () => api.get<PageOf<Transfer>>(TRANSFERS, { caseId, pageSize: 50 }) });
  const report = useApiMutation((v: Record<string, unknown>) => api.post<Transfer>(TRANSFERS, { caseId, ...v }), { invalidate: [TRANSFERS, CASES], success: '已报告，负责人须在 3 日内决定是否移送' });
  const items = q.data?.items ?? [];
  return (
    <Card size="small" title={`行刑衔接（${items.length}）`} data-testid="transfers"
      extra={canWrite && <Button size="small" icon={<PlusOutlined />} onClick={() => setOpen(true)}>移送涉嫌犯罪案件</Button>}>
      <List size="small" loading={q.isLoading} dataSource={items} locale={{ emptyText: '发现涉嫌犯罪时，由两名以上执法人员组成专案组报告负责人，决定后 24 小时内移送公安机关。' }}
        renderItem={(t) => <List.Item extra={canWrite && <TransferStep t={t} />}><TransferLine t={t} /></List.Item>} />
      <ActionModal open={open} title="报告涉嫌犯罪案件（行刑衔接）" fields={REPORT_FIELDS} pending={report.isPending} onClose={() => setOpen(false)}
        confirm="报告后起算负责人 3 日内决定的期限。" onSubmit={(v) => report.mutateAsync(v)} />
    </Card>
  );
}
