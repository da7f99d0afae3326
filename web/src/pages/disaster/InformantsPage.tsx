// 灾害信息员: the roster (county, town, village posts, A and B roles) with training, the posts lacking an A or a B,
// and the roster export in the higher level's format.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Descriptions, Drawer, Flex, Form, Input, InputNumber, List, Modal, Select, Space, Statistic, Tabs, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Static } from '@sinclair/typebox';
import type dayjs from 'dayjs';
import { api } from '../../api/client';
import { useApiMutation } from '../../api/mutation';
import { useMe } from '../../app/session';
import { ConfirmButton } from '../../components/ConfirmButton';
import { PageHeader } from '../../components/PageHeader';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { ExportButton } from '../../components/list/ExportButton';
import { PagedTable } from '../../components/list/PagedTable';
import { useListParams } from '../../components/list/useListParams';
import { INFORMANT_LEVELS, INFORMANT_ROLES, type CoverageGap, type CoverageSummary, type Informant, type InformantDetail } from '../../../../contracts/disaster';
import { PersonalValue } from '../../components/PersonalValue';

const P = '/api/disaster/informants';
const opts = (t: readonly { code: string; label: string }[]) => t.map((x) => ({ value: x.code, label: x.label }));
export const levelLabel = (c: string) => INFORMANT_LEVELS.find((l) => l.code === c)?.label ?? c;
const FILTERS = ['q', 'level', 'role', 'untrained'];

/** Whether the account keeps the roster: the county and the towns do; a village officer only reads it. */
export function useKeepsRoster() {
  const me = useMe();
  const code = me.scope.kind === 'region' ? (me.scope as { regionCode?: string }).regionCode ?? '' : '';
  return me.permissions.includes('disaster:write') && (me.scope.kind === 'all' || /000$/.test(code));
}

function Detail({ id, onClose, onEdit }: { id: string; onClose: () => void; onEdit: (i: InformantDetail) => void }) {
  const q = useQuery({ queryKey: [P, id], queryFn: () => api.get<InformantDetail>(`${P}/${id}`) });
  const [training, setTraining] = useState(false);
  const [form] = Form.useForm();
  const add = useApiMutation((v: Record<string, unknown>) => api.post(`${P}/${id}/trainings`, v), { invalidate: [P], success: '培训记录已登记', onSuccess: () => setTraining(false) });
  const retire = useApiMutation(() => api.del(`${P}/${id}`), { invalidate: [P], success: '已注销，岗位缺员会出现在“AB角缺岗”', onSuccess: onClose });
  const i = q.data;
  const canWrite = useKeepsRoster();
  return (
    <Drawer open title={i ? `${i.name}（${i.role}角）` : '灾害信息员'} onClose={onClose} width={Math.min(520, window.innerWidth)}
      extra={i && canWrite && <Space>
        <Button onClick={() => onEdit(i)}>修改</Button>
        <ConfirmButton danger confirm={`注销 ${i.name}？该岗位的${i.role}角将空缺，名册和培训记录保留备查。`} onConfirm={() => retire.mutate(undefined)}>注销</ConfirmButton>
      </Space>}>
      {q.isError && <Alert type="error" showIcon title={q.error.message} />}
      {i && !canWrite && <Alert type="info" showIcon style={{ marginBottom: 12 }} title="名册由乡镇或县级维护；信息有变化请联系乡镇应急办修改。" />}
      {i && (
        <Flex vertical gap={16}>
          <Descriptions size="small" column={1} bordered items={[
            { label: '岗位', children: `${i.townName && i.level === 'village' ? i.townName : ''}${i.regionName} · ${levelLabel(i.level)} · ${i.role}角` },
            { label: '手机', children: <PersonalValue value={i.phone} entity="disaster_informant" id={i.id} field="phone" /> },
            { label: '单位 / 职务', children: `${i.unit || '—'} / ${i.position || '—'}` },
          ]} />
          <Card size="small" title={`培训记录（${i.trainings}）`} extra={canWrite && <Button size="small" onClick={() => setTraining(true)}>登记培训</Button>}>
            <List dataSource={i.trainingRecords} locale={{ emptyText: '还没有培训记录，参加培训后点击“登记培训”。' }}
              renderItem={(t) => <List.Item><List.Item.Meta title={t.topic} description={`${t.trainedOn} · ${t.hours} 学时`} /></List.Item>} />
          </Card>
        </Flex>
      )}
      <Modal open={training} title="登记培训" okText="保存" cancelText="取消" onCancel={() => setTraining(false)} onOk={() => form.submit()} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ hours: 2 }}
          onFinish={(v) => add.mutate({ ...v, trainedOn: (v.trainedOn as dayjs.Dayjs).format('YYYY-MM-DD') })}>
          <Form.Item name="trainedOn" label="培训日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker /></Form.Item>
          <Form.Item name="topic" label="培训内容" rules={[{ required: true, min: 2, message: '请填写培训内容' }]}><Input /></Form.Item>
          <Form.Item name="hours" label="学时" rules={[{ required: true }]}><InputNumber min={0.5} max={200} step={0.5} /></Form.Item>
        </Form>
      </Modal>
    </Drawer>
  );
}

/** Register an officer in a post (new) or correct one (`editing`): name, phone, post and A/B role, unit and position. */
function InformantForm({ regionCode, role, editing, onClose }: { regionCode?: string; role?: string; editing?: InformantDetail; onClose: () => void }) {
  const [form] = Form.useForm();
  const save = useApiMutation((v: Record<string, unknown>) => (editing ? api.put(`${P}/${editing.id}`, v) : api.post(P, v)),
    { invalidate: [P], success: editing ? '已修改' : '已登记', onSuccess: onClose });
  const initial = editing ? { regionCode: editing.regionCode, role: editing.role, name: editing.name, phone: editing.phone, unit: editing.unit, position: editing.position }
    : { regionCode, role: role ?? 'A' };
  return (
    <Modal open title={editing ? `修改：${editing.name}` : '登记灾害信息员'} okText="保存" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="regionCode" label="岗位所在区划（县、乡镇或村/社区）" rules={[{ required: true, message: '请选择区划' }]}
          extra={editing ? '调到其他村（社区）或乡镇的岗位时在此修改；原岗位会空出。' : undefined}><RegionTreeSelect /></Form.Item>
        <Form.Item name="role" label="AB角" rules={[{ required: true }]}><Select options={opts(INFORMANT_ROLES)} /></Form.Item>
        <Form.Item name="name" label="姓名" rules={[{ required: true, min: 2, message: '请填写姓名' }]}><Input /></Form.Item>
        <Form.Item name="phone" label="手机号码（24小时开机）" rules={[{ required: true, pattern: /^(1[3-9]\d{9}|1[3-9]\d\*{4}\d{4})$/, message: '请填写 11 位手机号码（显示为 138****1234 的保持不变即不修改）' }]}><Input inputMode="tel" /></Form.Item>
        <Form.Item name="unit" label="工作单位"><Input placeholder="如：某某村民委员会" /></Form.Item>
        <Form.Item name="position" label="职务"><Input placeholder="如：村委会主任" /></Form.Item>
      </Form>
    </Modal>
  );
}

export default function InformantsPage() {
  const [open, setOpen] = useState<string>();
  const [creating, setCreating] = useState<{ regionCode?: string; role?: string; editing?: InformantDetail }>();
  const [tab, setTab] = useState('roster');
  const list = useListParams(FILTERS);
  const summary = useQuery({ queryKey: [P, 'summary'], queryFn: () => api.get<Static<typeof CoverageSummary>>(`${P}/coverage/summary`) });
  const canWrite = useKeepsRoster();
  return (
    <>
      <PageHeader title="灾害信息员" extra={canWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating({})}>登记信息员</Button>}>
        县、乡镇、村（社区）三级灾害信息员，乡镇和县级岗位设 A、B 角，每村（社区）至少 1 名；手机 24 小时开机，负责报灾、台账、核查和预警传递。
      </PageHeader>
      {summary.data && (
        <Flex wrap gap={24} style={{ marginBottom: 16 }}>
          <Statistic title="信息员" value={summary.data.people} suffix="名" />
          {summary.data.byLevel.map((l) => <Statistic key={l.level} title={`${levelLabel(l.level)}岗位 / 人数`} value={`${l.posts} / ${l.people}`} />)}
          <Statistic title="缺岗（必须补齐）" value={summary.data.requiredGaps} styles={{ content: { color: summary.data.requiredGaps ? '#cf1322' : undefined } }} />
          <Statistic title="村（社区）无 B 角" value={summary.data.villagesWithoutB} />
        </Flex>
      )}
      <Tabs activeKey={tab} onChange={setTab} items={[
        { key: 'roster', label: '名册', children: (
          <PagedTable<Informant> path={P} rowKey="id" emptyText="还没有灾害信息员。点击“登记信息员”按岗位登记 A 角、B 角。"
            filters={[{ kind: 'search', name: 'q', placeholder: '姓名、电话或村名' }, { kind: 'select', name: 'level', placeholder: '层级', options: opts(INFORMANT_LEVELS) },
              { kind: 'select', name: 'role', placeholder: 'AB角', options: opts(INFORMANT_ROLES), width: 110 },
              { kind: 'select', name: 'untrained', placeholder: '培训', options: [{ value: 'true', label: '未参加培训' }], width: 130 }]}
            toolbar={<ExportButton path={`${P}/export`} params={list.params.filters} name="灾害信息员名册" what="灾害信息员" />}
            onRow={(i) => ({ onClick: () => setOpen(i.id), style: { cursor: 'pointer' } })}
            columns={[
              { title: '姓名', dataIndex: 'name' }, { title: '层级', dataIndex: 'level', render: levelLabel, responsive: ['md'] },
              { title: '乡镇', dataIndex: 'townName', responsive: ['md'] }, { title: '岗位', dataIndex: 'regionName' },
              { title: 'AB角', dataIndex: 'role', render: (r) => <Tag color={r === 'A' ? 'blue' : 'cyan'}>{r}角</Tag> },
              { title: '手机', dataIndex: 'phone', render: (p, i) => <PersonalValue value={p} entity="disaster_informant" id={i.id} field="phone" /> },
              { title: '培训', dataIndex: 'trainings', responsive: ['lg'], render: (n, i) => (n ? `${n} 次（最近 ${i.lastTrainedOn}）` : <Tag color="orange">未培训</Tag>) },
            ]} />
        ) },
        { key: 'gaps', label: 'AB角缺岗', children: <Gaps canWrite={canWrite} onFill={(regionCode, role) => setCreating({ regionCode, role })} /> },
      ]} />
      {open && <Detail id={open} onClose={() => setOpen(undefined)} onEdit={(i) => setCreating({ editing: i })} />}
      {creating && <InformantForm {...creating} onClose={() => setCreating(undefined)} />}
    </>
  );
}

function Gaps({ canWrite, onFill }: { canWrite: boolean; onFill: (regionCode: string, role: string) => void }) {
  return (
    <PagedTable<CoverageGap> path={`${P}/coverage`} rowKey="regionCode" emptyText="所有岗位都已配齐，没有缺岗。"
      filters={[{ kind: 'select', name: 'level', placeholder: '层级', options: opts(INFORMANT_LEVELS) },
        { kind: 'segmented', name: 'all', options: [{ value: '', label: '必须补齐的' }, { value: 'true', label: '含村（社区）缺 B 角' }] }]}
      columns={[
        { title: '乡镇', dataIndex: 'townName' }, { title: '岗位', dataIndex: 'regionName' }, { title: '层级', dataIndex: 'level', render: levelLabel, responsive: ['md'] },
        { title: '缺', dataIndex: 'missing', render: (m: string[], g) => m.map((r) => <Tag key={r} color={g.required ? 'red' : 'orange'}>缺{r}角</Tag>) },
        ...(canWrite ? [{ title: '', key: 'fill', render: (_: unknown, g: CoverageGap) => <Button size="small" onClick={() => onFill(g.regionCode, g.missing[0])}>补登</Button> }] : []),
      ]} />
  );
}
