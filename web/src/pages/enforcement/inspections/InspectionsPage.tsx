// 执法检查: every inspection in scope, filterable, with 新建检查 (ad hoc or by plan) for those who may write.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Form, Input, Modal, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type dayjs from 'dayjs';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/mutation';
import { useMe } from '../../../app/session';
import { PageHeader } from '../../../components/PageHeader';
import { PagedTable } from '../../../components/list/PagedTable';
import type { FilterDef } from '../../../components/list/FilterBar';
import { RegionTreeSelect } from '../../../components/RegionTreeSelect';
import { EnterpriseSelect, type EnterpriseBrief } from '../../hazards/EnterpriseSelect';
import { EnfTag } from '../EnfTag';
import { CHECKLISTS, INSPECTIONS, INSPECTION_ORIGINS, INSPECTION_STATUSES, optionsOf, paths, type Checklist, type Inspection, type InspectionDetail } from '../enforcementApi';
import { OfficerSelect, officerLine } from '../OfficerSelect';

const FILTERS: FilterDef[] = [
  { kind: 'search', name: 'q', placeholder: '单位名称或检查编号' },
  { kind: 'select', name: 'status', placeholder: '状态', options: optionsOf(INSPECTION_STATUSES) },
  { kind: 'select', name: 'origin', placeholder: '来源', options: optionsOf(INSPECTION_ORIGINS) },
  { kind: 'dateRange', from: 'from', to: 'to' },
];

interface Values { enterpriseId?: string; unitName?: string; regionCode?: string; officerIds: string[]; checklistId?: string; plannedOn?: dayjs.Dayjs }

function NewInspection({ open, onClose }: { open: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [sector, setSector] = useState<string>();
  const enterpriseId = Form.useWatch('enterpriseId', form);
  const lists = useQuery({ queryKey: [CHECKLISTS], queryFn: () => api.get<Checklist[]>(CHECKLISTS), enabled: open });
  const create = useApiMutation(({ plannedOn, ...v }: Values) => api.post<InspectionDetail>(INSPECTIONS, {
    origin: 'adhoc', ...v, plannedOn: plannedOn?.format('YYYY-MM-DD'), startNow: !plannedOn,
  }), { invalidate: [INSPECTIONS], success: '已建立检查', onSuccess: (i) => navigate(paths.inspection(i.id)) });
  const pick = (e?: EnterpriseBrief) => {
    setSector(e?.sector);
    const match = lists.data?.find((l) => l.sector === e?.sector);
    if (match) form.setFieldValue('checklistId', match.id);
  };
  return (
    <Modal open={open} title="新建执法检查（日常检查）" okText="建立" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)}>
        <Form.Item name="enterpriseId" label="被检查企业" extra="未登记的单位或场所可不选，直接填写名称和区划。"><EnterpriseSelect onPick={pick} /></Form.Item>
        {!enterpriseId && (
          <>
            <Form.Item name="unitName" label="单位或场所名称" rules={[{ required: true, min: 2 }]}><Input /></Form.Item>
            <Form.Item name="regionCode" label="所在区划" rules={[{ required: true }]}><RegionTreeSelect /></Form.Item>
          </>
        )}
        <Form.Item name="officerIds" label="执法人员" rules={[{ required: true, type: 'array', min: 2, message: '至少两名持证执法人员' }]}><OfficerSelect /></Form.Item>
        <Form.Item name="checklistId" label="执法检查表">
          <Select allowClear placeholder="选择检查表" options={(lists.data ?? []).map((l) => ({ value: l.id, label: l.name }))}
            optionRender={(o) => <>{o.label}{lists.data?.find((l) => l.id === o.value)?.sector === sector ? '（本行业）' : ''}</>} />
        </Form.Item>
        <Form.Item name="plannedOn" label="计划检查日期" extra="不填表示现在就开始现场检查。"><DatePicker style={{ width: '100%' }} /></Form.Item>
      </Form>
    </Modal>
  );
}

export default function InspectionsPage() {
  const me = useMe();
  const [open, setOpen] = useState(false);
  const canWrite = me.permissions.includes('enforcement:write');
  return (
    <>
      <PageHeader title="执法检查" extra={canWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>新建检查</Button>}>
        按计划、双随机抽查、专项行动、举报核查或日常开展的现场检查。每次检查至少两名持证执法人员；发现的问题一步转为隐患。双随机检查请在“双随机抽查”的结果中点“开始检查”。
      </PageHeader>
      <PagedTable<Inspection> path={INSPECTIONS} filters={FILTERS} rowKey="id" emptyText="还没有执法检查记录。"
        columns={[
          { title: '编号', dataIndex: 'number', render: (v, i) => <Link to={paths.inspection(i.id)}>{v}</Link> },
          { title: '被检查单位', dataIndex: 'unitName' },
          { title: '来源', dataIndex: 'origin', render: (v) => INSPECTION_ORIGINS[v as keyof typeof INSPECTION_ORIGINS] ?? v },
          { title: '执法人员', dataIndex: 'officers', render: officerLine },
          { title: '日期', key: 'day', render: (_, i) => (i.startedAt ?? i.plannedOn ?? '').slice(0, 10) || '—' },
          { title: '问题', dataIndex: 'findingCount' },
          { title: '状态', dataIndex: 'status', render: (v) => <EnfTag of="inspection" status={v} /> },
        ]} />
      <NewInspection open={open} onClose={() => setOpen(false)} />
    </>
  );
}
