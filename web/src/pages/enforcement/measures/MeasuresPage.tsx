// 强制措施与行刑衔接台账: every compulsory measure (filter by kind, in force or lifted, party) and every transfer to the
// police (filter by state), each opening in a drawer with its lifting or its next step. The deadline reminders link here.
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Drawer, Flex, Segmented, Tag } from 'antd';
import { api } from '../../../api/client';
import { useMe } from '../../../app/session';
import { PageHeader } from '../../../components/PageHeader';
import { formatTime } from '../../../components/format';
import type { FilterDef } from '../../../components/list/FilterBar';
import { PagedTable } from '../../../components/list/PagedTable';
import { pick } from '../../../components/list/LinkedFilters';
import { DueTag } from '../EnfTag';
import { MEASURES, MEASURE_KINDS, TRANSFERS, TRANSFER_COLOURS, TRANSFER_STATUSES, optionsOf, paths, type Measure, type Transfer } from '../enforcementApi';
import { LiftButton, MeasureLine } from './MeasuresCard';
import { TransferLine, TransferStep } from './TransfersCard';

const MEASURE_FILTERS: FilterDef[] = [
  { kind: 'search', name: 'q', placeholder: '当事人' },
  { kind: 'select', name: 'kind', placeholder: '措施种类', options: optionsOf(MEASURE_KINDS) },
  { kind: 'segmented', name: 'active', options: [{ label: '全部', value: '' }, { label: '执行中', value: 'true' }, { label: '已解除', value: 'false' }] },
];
const TRANSFER_FILTERS: FilterDef[] = [
  { kind: 'search', name: 'q', placeholder: '当事人或涉嫌罪名' },
  { kind: 'select', name: 'status', placeholder: '状态', options: optionsOf(TRANSFER_STATUSES) },
];

function MeasureDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const me = useMe();
  const q = useQuery({ queryKey: [MEASURES, id], queryFn: () => api.get<Measure>(`${MEASURES}/${id}`) });
  const m = q.data;
  return (
    <Drawer open title={m ? `${m.kindLabel} · ${m.partyName}` : '强制措施'} onClose={onClose} size="large"
      extra={m && !m.liftedAt && me.permissions.includes('enforcement:write') && <LiftButton m={m} />}>
      {q.isError && <Alert type="error" showIcon title={q.error.message} />}
      {m && <Flex vertical gap={8}><MeasureLine m={m} />{m.basis && <span>依据：{m.basis}</span>}
        {m.caseId && <Link to={paths.case(m.caseId)}>查看案件</Link>}{m.inspectionId && <Link to={paths.inspection(m.inspectionId)}>查看检查记录</Link>}</Flex>}
    </Drawer>
  );
}

function TransferDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const me = useMe();
  const q = useQuery({ queryKey: [TRANSFERS, id], queryFn: () => api.get<Transfer>(`${TRANSFERS}/${id}`) });
  const t = q.data;
  return (
    <Drawer open title={t ? `行刑衔接 · ${t.partyName}` : '行刑衔接'} onClose={onClose} size="large"
      extra={t && me.permissions.includes('enforcement:write') && <TransferStep t={t} />}>
      {q.isError && <Alert type="error" showIcon title={q.error.message} />}
      {t && <Flex vertical gap={8}><TransferLine t={t} /><span>事实：{t.facts}</span>{t.caseId && <Link to={paths.case(t.caseId)}>查看案件</Link>}</Flex>}
    </Drawer>
  );
}

export default function MeasuresPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const transfers = useLocation().pathname.startsWith(paths.transfers);
  const base = transfers ? paths.transfers : paths.measures;
  const open = (x: { id: string }) => ({ onClick: () => navigate(`${base}/${x.id}`), style: { cursor: 'pointer' } });
  return (
    <>
      <PageHeader title="强制措施与行刑衔接" extra={<Segmented value={base} onChange={(v) => navigate(v)} options={[{ label: '强制措施', value: paths.measures }, { label: '行刑衔接', value: paths.transfers }]} />}>
        {transfers ? '涉嫌犯罪案件的移送：负责人 3 日内决定，批准后 24 小时内移送公安机关，并登记公安机关的决定。在案件详情页报告新的移送。'
          : '在执法检查或案件中采取的停电、停供、停产停业、停止施工、停止使用、查封、扣押等措施；查封、扣押期限 30 日，到期前提醒。在检查或案件详情页采取新的措施。'}
      </PageHeader>
      {transfers ? (
        <PagedTable<Transfer> key="t" path={TRANSFERS} filters={TRANSFER_FILTERS} rowKey="id" emptyText="还没有移送记录。" onRow={open} columns={[
          { title: '当事人', dataIndex: 'partyName' },
          { title: '涉嫌', dataIndex: 'suspectedOffence' },
          { title: '报告', dataIndex: 'reportedAt', render: formatTime },
          { title: '公安机关', key: 'p', render: (_, t) => t.policeOrg ?? '—' },
          { title: '拘留', dataIndex: 'personsDetained', render: (n: number) => n || '—' },
          { title: '状态', dataIndex: 'status', render: (v, t) => <Tag color={TRANSFER_COLOURS[v]}>{t.statusLabel}</Tag> },
        ]} />
      ) : (
        <PagedTable<Measure> key="m" path={MEASURES} filters={MEASURE_FILTERS} linked={pick('sector', 'subtype', 'from', 'to', 'regionCode')} rowKey="id" emptyText="还没有强制措施。" onRow={open} columns={[
          { title: '当事人', dataIndex: 'partyName' },
          { title: '措施', dataIndex: 'kindLabel' },
          { title: '决定', dataIndex: 'decidedAt', render: formatTime },
          { title: '期限', key: 'due', render: (_, m) => (m.dueOn && !m.liftedAt ? <DueTag due={m.dueOn} /> : m.dueOn ?? '—') },
          { title: '状态', key: 's', render: (_, m) => (m.liftedAt ? <Tag>已解除</Tag> : <Tag color="error">执行中</Tag>) },
        ]} />
      )}
      {id && !transfers && <MeasureDrawer id={id} onClose={() => navigate(base)} />}
      {id && transfers && <TransferDrawer id={id} onClose={() => navigate(base)} />}
    </>
  );
}
