// 防汛方案预案: facility, town and village plans with their revision dates, under the county's 防汛抗旱专项预案.
import { useState } from 'react';
import { Link } from 'react-router';
import { Button, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/mutation';
import { RegionTreeSelect } from '../../../components/RegionTreeSelect';
import { PagedTable } from '../../../components/list/PagedTable';
import { P, PLAN_LEVELS, opts, planLabel, type Plan } from './floodApi';

function NewPlan({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm();
  const save = useApiMutation((v: Record<string, unknown>) => api.post(`${P}/plans`, v), { invalidate: [P], success: '预案已登记', onSuccess: onClose });
  return (
    <Modal open title="登记防汛方案预案" okText="保存" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ level: 'village' }}
        onFinish={(v) => save.mutate({ ...v, revisedOn: (v.revisedOn as dayjs.Dayjs).format('YYYY-MM-DD') })}>
        <Form.Item name="level" label="层级" rules={[{ required: true }]}><Select options={opts(PLAN_LEVELS).filter((o) => o.value !== 'facility')} /></Form.Item>
        <Form.Item name="title" label="预案名称" rules={[{ required: true, min: 2, message: '请填写预案名称' }]}><Input /></Form.Item>
        <Form.Item name="regionCode" label="所属乡镇或村（社区）" rules={[{ required: true, message: '请选择区划' }]}><RegionTreeSelect /></Form.Item>
        <Form.Item name="revisedOn" label="修订日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker /></Form.Item>
      </Form>
    </Modal>
  );
}

/** The plans tab; plans not revised for three years are marked. */
export function PlansTab({ canWrite }: { canWrite: boolean }) {
  const [creating, setCreating] = useState(false);
  const stale = dayjs().subtract(3, 'year').format('YYYY-MM-DD');
  return (
    <>
      <PagedTable<Plan> path={`${P}/plans`} rowKey="id"
        filters={[{ kind: 'search', name: 'q', placeholder: '预案名称或村名' }, { kind: 'select', name: 'level', placeholder: '层级', options: opts(PLAN_LEVELS) },
          { kind: 'select', name: 'revisedBefore', placeholder: '修订', options: [{ value: stale, label: '三年以上未修订' }], width: 150 }]}
        toolbar={canWrite && <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>登记预案</Button>}
        emptyText="还没有防汛方案预案。点击“登记预案”录入乡镇、村和工程的预案及修订日期。"
        columns={[
          { title: '预案名称', dataIndex: 'title' }, { title: '层级', dataIndex: 'level', render: planLabel, responsive: ['sm'] },
          { title: '区划', dataIndex: 'regionName', responsive: ['md'] }, { title: '设施', dataIndex: 'facilityName', responsive: ['lg'], render: (n) => n ?? '—' },
          { title: '修订日期', dataIndex: 'revisedOn', render: (d) => (d < stale ? <Typography.Text type="warning">{d}（逾三年）</Typography.Text> : d) },
          { title: '上级预案', dataIndex: 'commandPlanTitle', responsive: ['lg'], render: (t, p) => (p.commandPlanId ? <Link to={`/command/plans/${p.commandPlanId}`}>{t}</Link> : '—') },
        ]} />
      {creating && <NewPlan onClose={() => setCreating(false)} />}
    </>
  );
}
