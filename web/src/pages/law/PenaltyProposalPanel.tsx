// PenaltyProposalPanel: a case's penalty from the benchmark — choose the violation item, record the circumstances, see the
// band and the articles as of the day, propose kinds and amount; outside the range a written reason and another account's
// approval are required. Mount it on a case page with <PenaltyProposalPanel caseId={id} />.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, DatePicker, Flex, Input, InputNumber, List, Select, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { api } from '../../api/client';
import { useApiMutation } from '../../api/mutation';
import type { PageOf } from '../../api/types';
import { useMe } from '../../app/session';
import { formatTime } from '../../components/format';
import { BenchmarkResult } from './BenchmarkResult';
import { CircumstancesFields, INITIAL_CIRCUMSTANCES } from './CircumstancesFields';
import { fineRange, optionsOf, PENALTY_KINDS, PROPOSALS, useCaseProposals, VIOLATIONS, type Proposal, type ProposalResult, type ViolationItem } from './lawApi';

const STATUS_COLOURS: Record<string, string> = { accepted: 'success', pending: 'warning', approved: 'blue', rejected: 'error' };

function Decide({ p }: { p: Proposal }) {
  const [note, setNote] = useState('');
  const decide = useApiMutation((approve: boolean) => api.post(`${PROPOSALS}/${p.id}/${approve ? 'approve' : 'reject'}`, { note }),
    { success: '已审批', invalidate: [PROPOSALS] });
  return (
    <Flex wrap gap={8}>
      <Input size="small" style={{ width: 220 }} value={note} onChange={(e) => setNote(e.target.value)} placeholder="审批意见" />
      <Button size="small" type="primary" disabled={!note.trim()} loading={decide.isPending} onClick={() => decide.mutate(true)}>批准偏离</Button>
      <Button size="small" danger disabled={!note.trim()} loading={decide.isPending} onClick={() => decide.mutate(false)}>不批准</Button>
    </Flex>
  );
}

export function PenaltyProposalPanel({ caseId }: { caseId: string }) {
  const me = useMe();
  const canWrite = me.permissions.includes('enforcement:write');
  const proposals = useCaseProposals(caseId);
  const [q, setQ] = useState('');
  const items = useQuery({ queryKey: [VIOLATIONS, 'pick', q], queryFn: () => api.get<PageOf<ViolationItem>>(VIOLATIONS, { q, pageSize: 30 }) });
  const [picked, setItemId] = useState<string>();
  // A case filed from an inspection's finding carries its violation item: offered until another is chosen.
  const carried = proposals.data?.violations?.[0];
  const itemId = picked ?? carried?.itemId;
  const [c, setC] = useState(INITIAL_CIRCUMSTANCES);
  const [on, setOn] = useState(dayjs());
  const [kinds, setKinds] = useState<string[]>(['fine']);
  const [fine, setFine] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [result, setResult] = useState<ProposalResult>();
  const body = () => ({ itemId, circumstances: c, on: on.format('YYYY-MM-DD') });
  const tryout = useApiMutation(() => api.post<ProposalResult>('/api/law/proposals/try', body()), {
    onSuccess: (r) => { setResult(r); setKinds(r.band.kinds); setFine(r.band.fineMin); },
  });
  const outside = result && fine !== null && result.band.fineMin !== null && (fine < result.band.fineMin || fine > (result.band.fineMax ?? Infinity));
  const save = useApiMutation(() => api.post<Proposal>(PROPOSALS, { ...body(), caseId, kinds, fine: kinds.includes('fine') ? fine : null, reason: reason.trim() || null }), {
    success: (p) => (p.status === 'pending' ? '已提交，偏离基准须由另一名执法人员审批' : '已记录处罚裁量'), invalidate: [PROPOSALS],
    onSuccess: () => { setResult(undefined); setReason(''); },
  });

  return (
    <Card size="small" title="处罚裁量（自由裁量基准）" data-testid="penalty-panel">
      <Flex vertical gap={12}>
        <List size="small" loading={proposals.isLoading} dataSource={proposals.data?.items} locale={{ emptyText: canWrite ? '尚未提出处罚裁量：选择违法行为和情节后试算。' : '尚未提出处罚裁量。' }}
          renderItem={(p) => (
            <List.Item>
              <Flex vertical gap={4} style={{ width: '100%' }}>
                <Flex wrap gap={8} align="center"><Tag color={STATUS_COLOURS[p.status]}>{p.statusLabel}</Tag><Typography.Text strong>{p.code} {p.name}</Typography.Text></Flex>
                <Typography.Text>{p.gradeLabel}档（{fineRange(p.band.fineMin, p.band.fineMax)}）→ {p.kinds.map((k) => PENALTY_KINDS[k as keyof typeof PENALTY_KINDS] ?? k).join('、') || '不予处罚'}
                  {p.fine ? ` ${p.fine.toLocaleString('zh-CN')} 元` : ''}</Typography.Text>
                <Typography.Text type="secondary">{p.articles.map((a) => `《${a.source}》${a.label}（${a.version}）`).join('；')} · {p.proposedByName} {formatTime(p.createdAt)}</Typography.Text>
                {p.reason && <Typography.Text>偏离理由：{p.reason}</Typography.Text>}
                {p.decisionNote && <Typography.Text>审批：{p.decidedByName}，{p.decisionNote}</Typography.Text>}
                {p.status === 'pending' && canWrite && p.proposedBy !== me.id && <Decide p={p} />}
              </Flex>
            </List.Item>
          )} />
        {canWrite && (
          <Flex vertical gap={8}>
            <Select showSearch={{ filterOption: false, onSearch: setQ }} value={itemId} onChange={(v) => { setItemId(v); setResult(undefined); }} placeholder="选择违法行为（可输入关键词）"
              loading={items.isFetching} aria-label="违法行为"
              options={[...(carried && !picked && !items.data?.items.some((i) => i.id === carried.itemId) ? [{ value: carried.itemId, label: `${carried.code} ${carried.name}` }] : []),
                ...(items.data?.items ?? []).map((i) => ({ value: i.id, label: `${i.code} ${i.name}` }))]} />
            {carried && itemId === carried.itemId && <Typography.Text type="secondary" data-testid="carried-violation">立案时拟认定的违法行为{carried.finding ? `（检查发现：${carried.finding}）` : ''}</Typography.Text>}
            <CircumstancesFields value={c} onChange={(x) => { setC(x); setResult(undefined); }} />
            <Flex wrap gap={8} align="center">违法行为发生日期 <DatePicker value={on} allowClear={false} onChange={(d) => d && setOn(d)} />
              <Button disabled={!itemId} loading={tryout.isPending} onClick={() => tryout.mutate()}>按基准试算</Button></Flex>
            {result && (
              <>
                <BenchmarkResult r={result} />
                <Flex wrap gap={8} align="center">
                  <Checkbox.Group value={kinds} onChange={(v) => setKinds(v as string[])} options={optionsOf(PENALTY_KINDS)} />
                  {kinds.includes('fine') && <InputNumber min={0} value={fine} onChange={setFine} addonAfter="元" aria-label="罚款金额" style={{ width: 180 }} />}
                </Flex>
                {outside && <Alert type="warning" showIcon title="金额超出基准幅度：须写明偏离理由，并由另一名执法人员审批" />}
                <Input.TextArea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="偏离基准的理由（在幅度内可不填）" />
                <Button type="primary" loading={save.isPending} onClick={() => save.mutate()}>提出处罚裁量</Button>
              </>
            )}
          </Flex>
        )}
      </Flex>
    </Card>
  );
}
