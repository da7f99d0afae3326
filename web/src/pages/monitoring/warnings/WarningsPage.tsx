// 预警发布: the early warnings the account may see (生效中 / 全部), and 发布预警 for those who may issue.
import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Grid, Progress, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { useMe } from '../../../app/session';
import { formatTime } from '../../../components/format';
import type { FilterDef } from '../../../components/list/FilterBar';
import { PagedTable } from '../../../components/list/PagedTable';
import { PageHeader } from '../../../components/PageHeader';
import { optionsOf, WARNING_COLOURS, WARNING_KINDS, WARNING_STATUSES, WARNINGS, type Warning } from '../monitoringApi';
import { WarningColourTag } from '../MonitoringTags';
import { useMonitoringEvents } from '../useMonitoringEvents';
import { CapImport } from './CapImport';
import { WarningForm } from './WarningForm';

const FILTERS: FilterDef[] = [
  { kind: 'segmented', name: 'active', options: [{ label: '全部', value: '' }, { label: '生效中', value: 'true' }] },
  { kind: 'select', name: 'status', placeholder: '状态', options: optionsOf(WARNING_STATUSES), width: 110 },
  { kind: 'select', name: 'kind', placeholder: '类别', options: optionsOf(WARNING_KINDS), width: 140 },
  { kind: 'select', name: 'colour', placeholder: '等级', options: optionsOf(WARNING_COLOURS), width: 100 },
];
const STATUS_COLOURS: Record<Warning['status'], string> = { draft: 'default', issued: 'processing', cancelled: 'default' };

/** 叫应 progress: confirmed of recipients. */
export function AckProgress({ w }: { w: Pick<Warning, 'recipients' | 'confirmed'> }) {
  if (!w.recipients) return <Typography.Text type="secondary">—</Typography.Text>;
  return <Progress percent={Math.round((w.confirmed / w.recipients) * 100)} size="small" format={() => `${w.confirmed}/${w.recipients}`} style={{ minWidth: 120 }} />;
}

function columns(phone: boolean): ColumnsType<Warning> {
  const title = {
    title: '预警', key: 'headline', render: (_: unknown, w: Warning) => (
      <div>
        <WarningColourTag colour={w.colour} /><Link to={`/monitoring/warnings/${w.id}`}>{w.headline}</Link>
        <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{w.number ?? '草稿'} · {w.regionNames.join('、')}</Typography.Text></div>
      </div>
    ),
  };
  const status = { title: '状态', dataIndex: 'status', render: (v: Warning['status']) => <Tag color={STATUS_COLOURS[v]}>{WARNING_STATUSES[v]}</Tag> };
  const ack = { title: '叫应', key: 'ack', render: (_: unknown, w: Warning) => <AckProgress w={w} /> };
  if (phone) return [title, ack];
  return [
    title,
    { title: '类别', dataIndex: 'kind', render: (v: Warning['kind']) => WARNING_KINDS[v] },
    { title: '有效期', key: 'period', render: (_: unknown, w: Warning) => `${formatTime(w.effectiveAt)} 至 ${formatTime(w.expiresAt)}` },
    { title: '发布', key: 'issued', render: (_: unknown, w: Warning) => (w.issuedAt ? `${formatTime(w.issuedAt)} · ${w.senderName}` : '—') },
    status, ack,
    { title: 'CAP', key: 'cap', render: (_: unknown, w: Warning) => (w.status === 'draft' ? '—' : <a href={`${WARNINGS}/${w.id}/cap`} download>导出</a>) },
  ];
}

export default function WarningsPage() {
  const me = useMe();
  const phone = Grid.useBreakpoint().md === false;
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  useMonitoringEvents();
  const canIssue = me.permissions.includes('monitoring:write') && me.scope.kind !== 'enterprise';
  return (
    <>
      <PageHeader title="预警发布" extra={canIssue && <>
        <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>导入 CAP</Button>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>发布预警</Button>
      </>}>
        气象、水文、地质灾害、森林火险预警：发布后逐一通知覆盖区域的乡镇村责任人、防汛责任人和灾害信息员，跟踪叫应，未确认的自动重发并升级。
      </PageHeader>
      <PagedTable<Warning> path={WARNINGS} rowKey="id" filters={FILTERS} columns={columns(phone)} data-testid="warning-table"
        emptyText={canIssue ? '还没有预警信息。点击右上方“发布预警”。' : '还没有预警信息。'} />
      <WarningForm open={creating} onClose={() => setCreating(false)} />
      <CapImport open={importing} onClose={() => setImporting(false)} />
    </>
  );
}
