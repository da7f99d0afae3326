// 报表管理: the bureau's return forms — design (with a live preview), publish, issue a period, stop; and for each
// form and period, who has filed, who is late and who was sent back.
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { App, Button, DatePicker, Drawer, Input, Modal, Select, Space, Statistic, Tag, Flex } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api } from '../../api/client';
import { useApiMutation } from '../../api/mutation';
import { download } from '../../api/transfer';
import { useMe } from '../../app/session';
import { ConfirmButton } from '../../components/ConfirmButton';
import { PageHeader } from '../../components/PageHeader';
import { PagedTable } from '../../components/list/PagedTable';
import { FormDesigner } from './FormDesigner';
import { FORMS, labelOf, options, PERIOD_KINDS, RETURN_STATUSES, STATUS_COLOURS, type Form } from './returnsApi';

const FORM_STATUS: Record<string, [string, string]> = { draft: ['草稿', 'default'], active: ['已发布', 'success'], archived: ['已停用', 'default'] };

function Progress({ form }: { form: Form }) {
  const navigate = useNavigate();
  const periods = useQuery({ queryKey: [FORMS, form.id, 'periods'], queryFn: () => api.get<{ period: string; label: string }[]>(`${FORMS}/${form.id}/periods`) });
  const [period, setPeriod] = useState<string>();
  const p = period ?? periods.data?.[0]?.period;
  const prog = useQuery({ enabled: !!p, queryKey: [FORMS, form.id, 'progress', p], queryFn: () => api.get<{ total: number; byStatus: Record<string, number>; overdue: number }>(`${FORMS}/${form.id}/progress`, { period: p }) });
  const go = (extra: Record<string, string>) => navigate(`/returns/filings?${new URLSearchParams({ formId: form.id, period: p!, ...extra })}`);
  if (!periods.data?.length) return <span>尚未下发任何一期。</span>;
  return (
    <Flex vertical gap={12}>
      <Select aria-label="期别" style={{ width: 220 }} value={p} onChange={setPeriod} options={periods.data.map((x) => ({ value: x.period, label: x.label }))} />
      {prog.data && (
        <Flex wrap gap={24}>
          <Statistic title="应报单位" value={prog.data.total} />
          <a onClick={() => go({ overdue: 'true' })}><Statistic title="逾期未报" value={prog.data.overdue} styles={{ content: { color: prog.data.overdue ? '#cf1322' : undefined } }} /></a>
          {RETURN_STATUSES.map((s) => (
            <a key={s.code} onClick={() => go({ status: s.code })}><Statistic title={<Tag color={STATUS_COLOURS[s.code]}>{s.label}</Tag>} value={prog.data!.byStatus[s.code] ?? 0} /></a>
          ))}
        </Flex>
      )}
    </Flex>
  );
}

function Issue({ form }: { form: Form }) {
  const [open, setOpen] = useState(false);
  const [v, setV] = useState<{ period?: string; label?: string; start?: string; end?: string }>({});
  const issue = useApiMutation(() => api.post<{ label: string; opened: number }>(`${FORMS}/${form.id}/issue`, v),
    { invalidate: [FORMS], success: (r) => `已下发「${r.label}」，新增 ${r.opened} 个填报任务`, onSuccess: () => setOpen(false) });
  const adhoc = form.periodKind === 'adhoc';
  return (
    <>
      <Button onClick={() => setOpen(true)}>下发一期</Button>
      <Modal open={open} title="下发填报任务" okText="下发" cancelText="取消" onCancel={() => setOpen(false)} onOk={() => issue.mutate()} confirmLoading={issue.isPending} destroyOnHidden>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Input aria-label="期别代码" placeholder={adhoc ? '期别代码，如 2022-YHDF' : '期别，如 2022-06、2022-Q2、2022-H1（留空为本期）'} onChange={(e) => setV({ ...v, period: e.target.value.trim() || undefined })} />
          {adhoc && <>
            <Input aria-label="期别名称" placeholder="名称，如 2022年烟花爆竹打非专项行动" onChange={(e) => setV({ ...v, label: e.target.value })} />
            <DatePicker.RangePicker onChange={(r) => setV({ ...v, start: r?.[0]?.format('YYYY-MM-DD'), end: r?.[1]?.format('YYYY-MM-DD') })} />
          </>}
        </Space>
      </Modal>
    </>
  );
}

function FormDrawer({ form, onClose, onEdit }: { form: Form; onClose: () => void; onEdit: () => void }) {
  const me = useMe();
  const { message } = App.useApp();
  const manage = me.permissions.includes('returns:manage');
  const publish = useApiMutation(() => api.post(`${FORMS}/${form.id}/publish`), { invalidate: [FORMS], success: '报表已发布，本期填报任务已下发', onSuccess: onClose });
  const archive = useApiMutation(() => api.post(`${FORMS}/${form.id}/archive`), { invalidate: [FORMS], success: '报表已停用', onSuccess: onClose });
  return (
    <Drawer open size="large" title={form.name} onClose={onClose} extra={
      <Space wrap>
        <Button onClick={() => download(`${FORMS}/${form.id}/template`, undefined, `${form.name}-模板.xlsx`).catch((e) => message.error(e.message))}>Excel 模板</Button>
        {manage && form.status !== 'archived' && <Button onClick={onEdit}>修改</Button>}
        {manage && form.status === 'draft' && <ConfirmButton type="primary" confirm="发布后各填报单位会收到本期填报任务，确定发布？" onConfirm={() => publish.mutate(undefined)}>发布</ConfirmButton>}
        {manage && form.status === 'active' && <Issue form={form} />}
        {manage && form.status === 'active' && <ConfirmButton danger confirm="停用后不再下发新的一期，已填报的保留。确定停用？" onConfirm={() => archive.mutate(undefined)}>停用</ConfirmButton>}
      </Space>}>
      <p>{form.description}</p>
      <p>{labelOf(PERIOD_KINDS, form.periodKind)} · 期末后第 {form.dueDays} 天截止 · 截止前 {form.remindBefore.join('、') || '—'} 天提醒、逾期 {form.remindAfter.join('、') || '—'} 天催报 · 第 {form.version} 版</p>
      <p>字段：{form.fields.map((f) => `${f.label}${f.unit ? `（${f.unit}）` : ''}`).join('、')}</p>
      <Progress form={form} />
    </Drawer>
  );
}

export default function FormsPage() {
  const me = useMe();
  const [open, setOpen] = useState<Form>();
  const [design, setDesign] = useState<{ form?: Form } | null>(null);
  return (
    <>
      <PageHeader title="报表管理" extra={me.permissions.includes('returns:manage') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setDesign({})}>设计报表</Button>}>
        应急局设计各部门、乡镇、园区和企业定期报送的统计报表：字段、校验、周期、截止日和提醒，无需开发。
      </PageHeader>
      <PagedTable<Form> path={FORMS} rowKey="id" emptyText="还没有报表。点击“设计报表”新建第一张报表。"
        filters={[{ kind: 'search', name: 'q', placeholder: '名称或代码' }, { kind: 'select', name: 'periodKind', placeholder: '周期', options: options(PERIOD_KINDS) },
          { kind: 'select', name: 'status', placeholder: '状态', options: Object.entries(FORM_STATUS).map(([value, [label]]) => ({ value, label })) }]}
        onRow={(f) => ({ onClick: () => setOpen(f), style: { cursor: 'pointer' } })}
        columns={[
          { title: '代码', dataIndex: 'code' }, { title: '名称', dataIndex: 'name' },
          { title: '周期', dataIndex: 'periodKind', render: (v) => labelOf(PERIOD_KINDS, v) },
          { title: '截止', dataIndex: 'dueDays', responsive: ['md'], render: (v) => `期末后第 ${v} 天` },
          { title: '已填报', dataIndex: 'returnsCount', responsive: ['md'] },
          { title: '状态', dataIndex: 'status', render: (v) => <Tag color={FORM_STATUS[v]?.[1]}>{FORM_STATUS[v]?.[0] ?? v}</Tag> },
        ]} />
      {open && <FormDrawer form={open} onClose={() => setOpen(undefined)} onEdit={() => { setDesign({ form: open }); setOpen(undefined); }} />}
      {design && <FormDesigner form={design.form} onClose={() => setDesign(null)} />}
    </>
  );
}
