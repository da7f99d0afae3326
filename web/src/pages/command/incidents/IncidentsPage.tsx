// 事件处置: the incident ledger — filters by status, kind, grade, region and period; search; export; a link to intake.
import { Link, useNavigate } from 'react-router';
import { Button, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMe } from '../../../app/session';
import { ExportButton } from '../../../components/list/ExportButton';
import type { FilterDef } from '../../../components/list/FilterBar';
import { PagedTable } from '../../../components/list/PagedTable';
import { useListParams } from '../../../components/list/useListParams';
import { PageHeader } from '../../../components/PageHeader';
import { formatTime } from '../../../components/format';
import {
  GRADE_COLOURS, INCIDENT_GRADES, INCIDENT_KINDS, INCIDENT_STATUSES, INCIDENTS, incidentPath, levelLabel, optionsOf, STATUS_COLOURS, type IncidentSummary,
} from './incidentApi';

const FILTERS: FilterDef[] = [
  { kind: 'segmented', name: 'open', options: [{ label: '全部', value: '' }, { label: '未结案', value: 'true' }] },
  { kind: 'search', name: 'q', placeholder: '编号、名称、地点、企业' },
  { kind: 'select', name: 'status', placeholder: '状态', options: optionsOf(INCIDENT_STATUSES), width: 120 },
  { kind: 'select', name: 'kind', placeholder: '类别', options: optionsOf(INCIDENT_KINDS), width: 150 },
  { kind: 'select', name: 'grade', placeholder: '等级', options: optionsOf(INCIDENT_GRADES), width: 110 },
  { kind: 'dateRange', from: 'from', to: 'to' },
];

export default function IncidentsPage() {
  const me = useMe();
  const navigate = useNavigate();
  const { params } = useListParams(['open', 'q', 'status', 'kind', 'grade', 'from', 'to']);
  const canWrite = me.permissions.includes('command:write');
  return (
    <>
      <PageHeader title="事件处置" extra={canWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/command/incidents/new')}>接报登记</Button>}>
        突发事件的接报、研判、响应、调度和总结；点击事件进入指挥视图。
      </PageHeader>
      <PagedTable<IncidentSummary>
        path={INCIDENTS} filters={FILTERS} rowKey="id"
        toolbar={<ExportButton path={`${INCIDENTS}/export`} params={params.filters} name="突发事件台账" what="事件" />}
        emptyText={canWrite ? '还没有突发事件。接到报告后点击“接报登记”。' : '暂无您可查看的突发事件。'}
        onRow={(r) => ({ onClick: () => navigate(incidentPath(r.id)), style: { cursor: 'pointer' } })}
        columns={[
          { title: '编号', dataIndex: 'number', render: (v: string, r) => <Link to={incidentPath(r.id)}>{v}</Link> },
          { title: '事件', dataIndex: 'title' },
          { title: '类别', dataIndex: 'kindLabel', responsive: ['md'] },
          { title: '等级', dataIndex: 'gradeLabel', render: (v: string, r) => <Tag color={GRADE_COLOURS[r.grade]}>{v}</Tag> },
          { title: '响应', dataIndex: 'responseLevel', responsive: ['sm'], render: (v: number | null) => levelLabel(v) },
          { title: '状态', dataIndex: 'statusLabel', render: (v: string, r) => <Tag color={STATUS_COLOURS[r.status]}>{v}</Tag> },
          { title: '地点', dataIndex: 'address', responsive: ['md'] },
          { title: '伤亡', key: 'cas', responsive: ['md'], render: (_: unknown, r) => `亡${r.dead} 伤${r.injured} 失踪${r.missing}` },
          { title: '接报时间', dataIndex: 'reportedAt', responsive: ['sm'], render: formatTime },
        ]}
      />
    </>
  );
}
