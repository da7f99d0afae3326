// 活动: the publicity and education activities, filtered by kind, words, period; recording one works on a phone
// (take photos with the camera, counts of materials in a compact grid).
import { useState } from 'react';
import { Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { api } from '../../api/client';
import { useApiMutation } from '../../api/mutation';
import { useMe } from '../../app/session';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ExportButton } from '../../components/list/ExportButton';
import { PagedTable } from '../../components/list/PagedTable';
import { useListParams } from '../../components/list/useListParams';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { PhotoUpload } from '../hazards/PhotoUpload';
import { ACTIVITY_KINDS, MATERIALS, type Activity } from '../../../../contracts/outreach';
import { useTraceParams } from '../responsibility/shared';
import { ALL, canWrite, opts, PATH } from './shared';

/** Record an activity, or correct one (`a`): any fact, the material counts, the photos. */
function ActivityForm({ a, onClose }: { a?: Activity; onClose: () => void }) {
  const me = useMe();
  const [form] = Form.useForm();
  const kind = Form.useWatch('kind', form);
  const save = useApiMutation((v: Record<string, unknown>) => (a ? api.put<Activity>(`${PATH}/activities/${a.id}`, v) : api.post<Activity>(`${PATH}/activities`, v)),
    { invalidate: ALL, success: a ? '活动已修改' : '活动已登记', onSuccess: onClose });
  const initial = a
    ? { ...a, heldOn: dayjs(a.heldOn), rounds: a.rounds ?? undefined, description: a.description ?? undefined }
    : { kind: 'safety_month', heldOn: dayjs(), organiser: me.orgName ?? '', regionCode: me.scope.regionCode ?? undefined, participants: 0, photos: [] };
  return (
    <Modal open width={640} title={a ? '修改宣传教育活动' : '登记宣传教育活动'} okText="保存" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={initial}
        onFinish={(v) => save.mutate({ ...v, heldOn: (v.heldOn as dayjs.Dayjs).format('YYYY-MM-DD'), rounds: v.rounds ?? undefined })}>
        <Form.Item name="kind" label="活动类型"><Select options={opts(ACTIVITY_KINDS)} /></Form.Item>
        <Form.Item name="title" label="活动名称" rules={[{ required: true, min: 2, message: '请填写活动名称' }]}><Input placeholder="如：安全生产月宣传咨询日" /></Form.Item>
        <Space wrap>
          <Form.Item name="heldOn" label="日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} /></Form.Item>
          <Form.Item name="participants" label="参加人数"><InputNumber min={0} /></Form.Item>
          {kind === 'contest' && <Form.Item name="rounds" label="竞赛轮次" rules={[{ required: true, message: '知识竞赛请填写轮次' }]}><InputNumber min={1} max={20} /></Form.Item>}
        </Space>
        <Form.Item name="organiser" label="组织单位" rules={[{ required: true, min: 2, message: '请填写组织单位' }]}><Input /></Form.Item>
        <Form.Item name="regionCode" label="所在区划" rules={[{ required: true, message: '请选择区划' }]}><RegionTreeSelect /></Form.Item>
        <Form.Item name="place" label="地点" rules={[{ required: true, min: 2, message: '请填写地点' }]}><Input /></Form.Item>
        <Space wrap size={[8, 0]}>
          {MATERIALS.map((m) => <Form.Item key={m.key} name={m.key} label={`${m.label}（${m.unit}）`}><InputNumber min={0} style={{ width: 120 }} /></Form.Item>)}
        </Space>
        <Form.Item name="description" label="活动情况"><Input.TextArea autoSize={{ minRows: 2 }} /></Form.Item>
        <Form.Item name="photos" label="现场照片"><PhotoUpload testId="activity-photos" /></Form.Item>
      </Form>
    </Modal>
  );
}

export function ActivitiesTab() {
  const trace = useTraceParams(['regionCode', 'orgId']); // a report figure's region or unit
  const list = useListParams(['q', 'kind', 'from', 'to']);
  const me = useMe();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Activity>();
  const del = useApiMutation((id: string) => api.del(`${PATH}/activities/${id}`), { invalidate: ALL, success: '已删除' });
  return (
    <>
      {trace.note}
      <PagedTable<Activity> path={`${PATH}/activities`} rowKey="id" params={trace.params}
        emptyText="还没有宣传教育活动记录。活动结束后点击“登记活动”，填写物料数量并上传现场照片。"
        filters={[{ kind: 'search', name: 'q', placeholder: '名称、组织单位、地点' }, { kind: 'select', name: 'kind', placeholder: '活动类型', options: opts(ACTIVITY_KINDS) },
          { kind: 'dateRange', from: 'from', to: 'to' }]}
        toolbar={<Space wrap><ExportButton path={`${PATH}/activities/export`} params={{ ...list.params.filters, ...trace.params }} name="宣传教育活动" what="宣传教育活动" />{canWrite(me.permissions) && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>登记活动</Button>}</Space>}
        columns={[
          { title: '日期', dataIndex: 'heldOn' },
          { title: '活动', dataIndex: 'title', render: (v, a) => <Space wrap size={4}><Tag color="blue">{a.kindLabel}</Tag>{v}{a.rounds ? <Tag>{a.rounds} 轮</Tag> : null}</Space> },
          { title: '组织单位', dataIndex: 'organiser', responsive: ['md'] }, { title: '地点', dataIndex: 'place', responsive: ['lg'] },
          { title: '人数', dataIndex: 'participants', responsive: ['sm'] },
          { title: '物料', key: 'm', responsive: ['md'], render: (_, a) => MATERIALS.filter((m) => a[m.key] > 0).map((m) => `${m.label} ${a[m.key]}${m.unit}`).join('，') || '—' },
          { title: '照片', key: 'p', responsive: ['sm'], render: (_, a) => (a.photos.length ? `${a.photos.length} 张` : '—') },
          ...(canWrite(me.permissions) ? [{ title: '', key: 'x', render: (_: unknown, a: Activity) => (
            <Space size={4}>
              <Button size="small" onClick={() => setEditing(a)}>修改</Button>
              <ConfirmButton size="small" danger confirm={`删除活动“${a.title}”？`} description="删除后不再计入统计，操作记入审计日志。" onConfirm={() => del.mutate(a.id)}>删除</ConfirmButton>
            </Space>) }] : []),
        ]} />
      {creating && <ActivityForm onClose={() => setCreating(false)} />}
      {editing && <ActivityForm a={editing} onClose={() => setEditing(undefined)} />}
    </>
  );
}
