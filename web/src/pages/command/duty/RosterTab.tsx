// 排班表: a month of the unit's roster as a grid (a row per day, a column per shift), each cell edited in place
// (带班领导 and 值班员 chosen from the accounts that may stand duty), with Excel export and import.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Flex, Form, Modal, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { EditOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { DutyPerson, Roster, RosterImportResult, RosterSlot } from '../../../../../contracts/command-duty';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/mutation';
import { upload } from '../../../api/transfer';
import { useMe } from '../../../app/session';
import { ExportButton } from '../../../components/list/ExportButton';

const ROSTER = '/api/command/duty/roster';
const WEEK = ['日', '一', '二', '三', '四', '五', '六'];

interface Editing { date: string; shift: string; label: string; slot: RosterSlot }

function PeopleSelect({ value, onChange, placeholder, known }: { value?: string[]; onChange?: (v: string[]) => void; placeholder: string; known: DutyPerson[] }) {
  const [q, setQ] = useState('');
  const people = useQuery({ queryKey: ['/api/command/duty/people', q], queryFn: () => api.get<DutyPerson[]>('/api/command/duty/people', { q }) });
  // The people already in the cell stay labelled by name whatever the search shows.
  const all = [...known, ...(people.data ?? []).filter((p) => !known.some((k) => k.id === p.id))];
  return (
    <Select mode="multiple" value={value} onChange={onChange} placeholder={placeholder} showSearch={{ filterOption: false, onSearch: setQ }}
      loading={people.isFetching} options={all.map((p) => ({ value: p.id, label: `${p.name}${p.orgName ? `（${p.orgName}）` : ''}` }))} />
  );
}

export function RosterTab() {
  const me = useMe();
  const { message, modal } = App.useApp();
  const [month, setMonth] = useState(dayjs().format('YYYY-MM'));
  const [editing, setEditing] = useState<Editing | null>(null);
  const [form] = Form.useForm<{ leaderIds: string[]; officerIds: string[] }>();
  const q = useQuery({ queryKey: [ROSTER, { month }], queryFn: () => api.get<Roster>(ROSTER, { month }) });
  const canWrite = me.permissions.includes('command:write');
  const save = useApiMutation((v: { leaderIds: string[]; officerIds: string[] }) => api.put(ROSTER, {
    regionCode: q.data!.regionCode, slots: [{ date: editing!.date, shift: editing!.shift, ...v }],
  }), { invalidate: [ROSTER, '/api/command/duty/desk'], success: '排班已保存', onSuccess: () => setEditing(null) });

  async function importFile(file: File) {
    try {
      const r = await upload<RosterImportResult>(`/api/command/duty/roster/import?regionCode=${q.data!.regionCode}`, {}, file);
      if (r.errors.length) {
        modal.error({ title: '导入未完成：文件中有错误，未写入任何排班', width: 560,
          content: <Flex vertical gap={4}>{r.errors.slice(0, 20).map((e, i) => <span key={i}>第 {e.row} 行{e.column ? `「${e.column}」` : ''}：{e.message}</span>)}</Flex> });
      } else {
        message.success(`已导入 ${r.written} 个班次的排班`);
        void q.refetch();
      }
    } catch (e) {
      message.error((e as Error).message);
    }
    return false;
  }

  const open = (date: string, slot: RosterSlot, label: string) => {
    if (!canWrite) return;
    setEditing({ date, shift: slot.shift, label, slot });
    form.setFieldsValue({ leaderIds: slot.leaders.map((p) => p.id), officerIds: slot.officers.map((p) => p.id) });
  };

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" wrap gap={8}>
        <Space wrap>
          <DatePicker picker="month" allowClear={false} value={dayjs(`${month}-01`)} onChange={(d) => d && setMonth(d.format('YYYY-MM'))} />
          {q.data && <Typography.Text type="secondary">{q.data.regionName} · 班次：{q.data.shifts.map((s) => `${s.label} ${s.start}–${s.end}`).join('，')}</Typography.Text>}
        </Space>
        <Space wrap>
          <ExportButton path={`${ROSTER}.xlsx`} params={{ month, regionCode: q.data?.regionCode }} name={`值班表-${month}`} what="排班" />
          {canWrite && <Upload accept=".xlsx" showUploadList={false} beforeUpload={(f) => importFile(f)}><Button icon={<UploadOutlined />}>导入 Excel</Button></Upload>}
        </Space>
      </Flex>
      {q.isError && <Alert type="error" showIcon title="值班表加载失败" description={q.error.message} />}
      {canWrite && <Typography.Text type="secondary">点击单元格安排带班领导和值班员；导入的 Excel 与导出格式相同（每天一行，姓名之间用“、”分隔）。</Typography.Text>}
      <Table rowKey="date" size="small" loading={q.isFetching} pagination={false} scroll={{ x: 'max-content' }} dataSource={q.data?.days}
        locale={{ emptyText: '请选择月份' }}
        columns={[
          { title: '日期', dataIndex: 'date', fixed: 'left', width: 110, render: (d: string) => {
            const w = dayjs(d).day();
            return <span style={{ color: w === 0 || w === 6 ? '#cf1322' : undefined }}>{d.slice(5)} 周{WEEK[w]}</span>;
          } },
          ...(q.data?.shifts ?? []).map((s, idx) => ({
            title: `${s.label}（${s.start}–${s.end}）`, key: s.code,
            render: (_: unknown, day: Roster['days'][number]) => {
              const slot = day.slots[idx];
              const empty = !slot.leaders.length && !slot.officers.length;
              return (
                <div role={canWrite ? 'button' : undefined} onClick={() => open(day.date, slot, s.label)} style={{ cursor: canWrite ? 'pointer' : undefined, minWidth: 180 }}
                  data-testid={`cell-${day.date}-${s.code}`}>
                  {empty ? <Typography.Text type="secondary">{canWrite ? <><EditOutlined /> 未排班</> : '未排班'}</Typography.Text> : (
                    <Space size={[4, 4]} wrap>
                      {slot.leaders.map((p) => <Tag key={p.id} color="blue">带班 {p.name}</Tag>)}
                      {slot.officers.map((p) => <Tag key={p.id}>{p.name}</Tag>)}
                    </Space>
                  )}
                </div>
              );
            },
          })),
        ]} />
      <Modal open={!!editing} title={editing ? `${editing.date} ${editing.label}` : ''} okText="保存" cancelText="取消" onCancel={() => setEditing(null)}
        onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden forceRender>
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate({ leaderIds: v.leaderIds ?? [], officerIds: v.officerIds ?? [] })}>
          <Form.Item name="leaderIds" label="带班领导"><PeopleSelect placeholder="选择带班领导" known={editing ? [...editing.slot.leaders, ...editing.slot.officers] : []} /></Form.Item>
          <Form.Item name="officerIds" label="值班员"><PeopleSelect placeholder="选择值班员" known={editing ? [...editing.slot.leaders, ...editing.slot.officers] : []} /></Form.Item>
          <Typography.Text type="secondary">两项都清空即取消该班次的排班。</Typography.Text>
        </Form>
      </Modal>
    </Flex>
  );
}
