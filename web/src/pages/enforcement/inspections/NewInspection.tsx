// 新建执法检查: ad hoc, by plan, by campaign (专项行动) or to verify a tip-off (举报核查). Opened from the list, or
// prefilled from a plan item, a campaign or a tip-off through the page address (?new=1&origin=…&planId=…&enterpriseId=…).
// Draw inspections start from the draw's result, with the drawn officers.
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { DatePicker, Form, Input, Modal, Select } from 'antd';
import type dayjs from 'dayjs';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/mutation';
import type { PageOf } from '../../../api/types';
import { RegionTreeSelect } from '../../../components/RegionTreeSelect';
import { EnterpriseSelect, type EnterpriseBrief } from '../../hazards/EnterpriseSelect';
import { CHECKLISTS, INSPECTIONS, INSPECTION_ORIGINS, PLANS, TIPOFFS, paths, sectorLabel, type Checklist, type InspectionDetail, type Plan, type Tipoff } from '../enforcementApi';
import { OfficerSelect } from '../OfficerSelect';

/** What a link may fill in. */
export interface InspectionPrefill { origin?: string; planId?: string; campaignId?: string; tipoffId?: string; enterpriseId?: string; unitName?: string; regionCode?: string; sector?: string }

interface Values extends InspectionPrefill { officerIds: string[]; checklistId?: string; plannedOn?: dayjs.Dayjs }

const ORIGINS = (['adhoc', 'plan', 'campaign', 'tipoff'] as const).map((k) => ({ value: k, label: INSPECTION_ORIGINS[k] }));
const CAMPAIGNS = '/api/campaigns';

function useOptions<T>(path: string, enabled: boolean, label: (x: T) => string, params: Record<string, unknown> = {}) {
  const q = useQuery({ queryKey: [path, 'options', params], queryFn: () => api.get<PageOf<T & { id: string }>>(path, { pageSize: 200, ...params }), enabled });
  return { loading: q.isLoading && enabled, options: (q.data?.items ?? []).map((x) => ({ value: x.id, label: label(x) })) };
}

export function NewInspection({ open, prefill = {}, onClose }: { open: boolean; prefill?: InspectionPrefill; onClose: () => void }) {
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [sector, setSector] = useState<string | undefined>(prefill.sector);
  const origin = Form.useWatch('origin', form) ?? prefill.origin ?? 'adhoc';
  const enterpriseId = Form.useWatch('enterpriseId', form);
  const lists = useQuery({ queryKey: [CHECKLISTS], queryFn: () => api.get<Checklist[]>(CHECKLISTS), enabled: open });
  const plans = useOptions<Plan>(PLANS, open && origin === 'plan', (p) => `${p.year} ${p.name}`);
  const campaigns = useOptions<{ name: string }>(CAMPAIGNS, open && origin === 'campaign', (c) => c.name);
  const tipoffs = useOptions<Tipoff>(TIPOFFS, open && origin === 'tipoff', (t) => `${t.number} ${t.subjectName}`);
  const create = useApiMutation(({ plannedOn, sector: _s, ...v }: Values) => api.post<InspectionDetail>(INSPECTIONS, {
    ...v, origin, plannedOn: plannedOn?.format('YYYY-MM-DD'), startNow: !plannedOn,
  }), { invalidate: [INSPECTIONS], success: '已建立检查', onSuccess: (i) => navigate(paths.inspection(i.id)) });
  // A sector (from the plan item or the chosen enterprise) picks that sector's checklist.
  useEffect(() => {
    const match = lists.data?.find((l) => l.sector === sector);
    if (match && !form.getFieldValue('checklistId')) form.setFieldValue('checklistId', match.id);
  }, [lists.data, sector, form]);
  const pick = (e?: EnterpriseBrief) => { form.setFieldValue('checklistId', undefined); setSector(e?.sector); };
  return (
    <Modal open={open} title={`新建执法检查（${INSPECTION_ORIGINS[origin as keyof typeof INSPECTION_ORIGINS] ?? '日常检查'}）`} okText="建立" cancelText="取消"
      onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)} initialValues={{ origin: 'adhoc', ...prefill }} preserve={false} data-testid="new-inspection">
        <Form.Item name="origin" label="检查来源"><Select options={ORIGINS} /></Form.Item>
        {origin === 'plan' && <Form.Item name="planId" label="年度监督检查计划" rules={[{ required: true, message: '请选择计划' }]}
          extra={sector ? `计划条目：${sectorLabel(sector)}` : undefined}><Select options={plans.options} loading={plans.loading} showSearch optionFilterProp="label" /></Form.Item>}
        {origin === 'campaign' && <Form.Item name="campaignId" label="专项行动" rules={[{ required: true, message: '请选择专项行动' }]}>
          <Select options={campaigns.options} loading={campaigns.loading} showSearch optionFilterProp="label" /></Form.Item>}
        {origin === 'tipoff' && <Form.Item name="tipoffId" label="核查的举报" rules={[{ required: true, message: '请选择举报件' }]}>
          <Select options={tipoffs.options} loading={tipoffs.loading} showSearch optionFilterProp="label" /></Form.Item>}
        <Form.Item name="enterpriseId" label="被检查企业" extra="未登记的单位或场所可不选，直接填写名称和区划。"><EnterpriseSelect onPick={pick} /></Form.Item>
        {!enterpriseId && (
          <>
            <Form.Item name="unitName" label="单位或场所名称" rules={[{ required: true, min: 2, message: '请填写单位或场所名称' }]}><Input /></Form.Item>
            <Form.Item name="regionCode" label="所在区划" rules={[{ required: true, message: '请选择所在区划' }]}><RegionTreeSelect /></Form.Item>
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
