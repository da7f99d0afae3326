// 应急预案: the plan system (总体、专项、部门、乡镇、企业) with filters, search, export and a new-plan form.
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, Form, Input, Modal, Select, Space, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/mutation';
import { useMe } from '../../../app/session';
import { ExportButton } from '../../../components/list/ExportButton';
import type { FilterDef } from '../../../components/list/FilterBar';
import { PagedTable } from '../../../components/list/PagedTable';
import { useListParams } from '../../../components/list/useListParams';
import { PageHeader } from '../../../components/PageHeader';
import { RegionTreeSelect } from '../../../components/RegionTreeSelect';
import { kindsText } from './PlanStructure';
import { FILING_STATUSES, INCIDENT_KINDS, PLAN_KINDS, PLANS, VERSION_STATUSES, labelOf, optionsOf, paths, type Plan, type PlanDetail } from './plansApi';

const FILTERS: FilterDef[] = [
  { kind: 'search', name: 'q', placeholder: '预案名称、编制单位、备案编号' },
  { kind: 'select', name: 'kind', placeholder: '预案类别', options: optionsOf(PLAN_KINDS) },
  { kind: 'select', name: 'scopeKind', placeholder: '适用事件', options: optionsOf(INCIDENT_KINDS) },
  { kind: 'select', name: 'status', placeholder: '版本状态', options: [{ value: 'published', label: '已发布' }, { value: 'in_progress', label: '修订中' }, { value: 'unpublished', label: '未发布' }] },
  { kind: 'select', name: 'filing', placeholder: '备案', options: optionsOf(FILING_STATUSES) },
  { kind: 'segmented', name: 'drillOverdue', options: [{ label: '全部', value: '' }, { label: '演练逾期', value: 'true' }] },
];

function NewPlanModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const me = useMe();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const kind = Form.useWatch('kind', form);
  const isEnterprise = me.scope.kind === 'enterprise';
  const save = useApiMutation((v: Record<string, unknown>) => api.post<PlanDetail>(PLANS, v), {
    invalidate: [PLANS], success: '已建立预案和初稿版本，请编辑版本内容', onSuccess: (p) => { onClose(); navigate(paths.version(p.versions[0].id)); },
  });
  const kinds = isEnterprise ? { enterprise: PLAN_KINDS.enterprise } : PLAN_KINDS;
  return (
    <Modal open={open} title="新建应急预案" okText="建立" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ kind: isEnterprise ? 'enterprise' : 'special', label: '初稿' }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="kind" label="预案类别" rules={[{ required: true }]}><Select options={optionsOf(kinds)} /></Form.Item>
        <Form.Item name="title" label="预案名称" rules={[{ required: true, min: 2, message: '请填写预案名称' }]}><Input placeholder="如：汨水市危险化学品事故应急预案" /></Form.Item>
        <Form.Item name="scopeKinds" label="适用事件类别" rules={[{ required: true, message: '请至少选择一类事件' }]}>
          <Select mode="multiple" options={optionsOf(INCIDENT_KINDS)} placeholder="预案适用于哪些突发事件" />
        </Form.Item>
        {kind === 'town' && <Form.Item name="regionCode" label="所属乡镇（街道）" rules={[{ required: true }]}><RegionTreeSelect /></Form.Item>}
        <Form.Item name="label" label="版本名称"><Input placeholder="如：2026版" /></Form.Item>
      </Form>
    </Modal>
  );
}

export default function PlansPage() {
  const me = useMe();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const list = useListParams(FILTERS.map((f) => (f.kind === 'dateRange' ? f.from : f.name)));
  return (
    <>
      <PageHeader title="应急预案" extra={<>
        <ExportButton path={`${PLANS}/export`} params={list.params.filters} name="应急预案台账" what="预案" />
        {me.permissions.includes('plan:write') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>新建预案</Button>}
      </>}>
        总体、专项、部门、乡镇和企业应急预案的结构化内容、版本会签审批、企业备案和演练。红色标记表示演练逾期或修订到期。
      </PageHeader>
      <PagedTable<Plan> path={PLANS} filters={FILTERS} rowKey="id" emptyText={me.permissions.includes('plan:write') ? '还没有应急预案，点击“新建预案”开始编制。' : '还没有可查看的应急预案。'}
        onRow={(p) => ({ onClick: () => navigate(paths.plan(p.id)), style: { cursor: 'pointer' } })}
        columns={[
          { title: '预案名称', dataIndex: 'title', render: (v: string) => <a>{v}</a> },
          { title: '类别', dataIndex: 'kind', render: (v) => labelOf(PLAN_KINDS, v) },
          { title: '编制单位', key: 'owner', render: (_, p) => p.enterpriseName ?? p.ownerName ?? '—' },
          { title: '适用事件', dataIndex: 'scopeKinds', render: (v: string[]) => (v.length > 4 ? `${kindsText(v.slice(0, 4))} 等 ${v.length} 类` : kindsText(v)) },
          { title: '现行版本', key: 'version', render: (_, p) => <Space size={4} wrap>{p.publishedLabel ?? <Tag>未发布</Tag>}{p.openVersionStatus && <Tag color="processing">{labelOf(VERSION_STATUSES, p.openVersionStatus)}</Tag>}</Space> },
          { title: '备案', key: 'filing', render: (_, p) => (p.kind !== 'enterprise' ? '—' : p.filingStatus ? <Tag color={p.filingStatus === 'filed' ? 'green' : p.filingStatus === 'returned' ? 'red' : 'gold'}>{labelOf(FILING_STATUSES, p.filingStatus)}</Tag> : <Tag>未报备</Tag>) },
          { title: '修订期限', dataIndex: 'revisionDue', render: (v: string | null, p) => (v ? <span style={{ color: (p.revisionDaysLeft ?? 1) < 0 ? '#cf1322' : (p.revisionDaysLeft ?? 999) <= 90 ? '#d48806' : undefined }}>{v}</span> : '—') },
          { title: '最近演练', key: 'drill', render: (_, p) => <Space size={4}>{p.lastDrill?.drilledOn ?? '无'}{p.drillOverdue && <Tag color="red">逾期</Tag>}</Space> },
        ]} />
      <NewPlanModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
