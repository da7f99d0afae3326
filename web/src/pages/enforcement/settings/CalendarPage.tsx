// 工作日历: the statutory holidays and adjusted workdays that working-day deadlines count with (行政处罚法第85条).
// Everyone may read it; an administrator sets or resets a day when the State Council publishes a year's notice — the
// rows of a year not yet published are marked 推定 (assumed) until then.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Flex, Input, Select, Switch, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type dayjs from 'dayjs';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/mutation';
import { useMe } from '../../../app/session';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { PageHeader } from '../../../components/PageHeader';
import { ActionModal, type Field } from '../ActionModal';
import { CALENDAR } from '../enforcementApi';

interface Day { day: string; isWorkday: boolean; note: string | null; assumed: boolean }
const WEEKDAYS = '日一二三四五六';
const weekday = (day: string) => `周${WEEKDAYS[new Date(`${day}T00:00:00Z`).getUTCDay()]}`;
const THIS_YEAR = new Date().getFullYear();

const FIELDS: Field[] = [
  { name: 'day', label: '日期', required: true, input: <DatePicker style={{ width: '100%' }} /> },
  { name: 'isWorkday', label: '调休上班（关闭为放假）', input: <Switch checkedChildren="上班" unCheckedChildren="放假" />, checkbox: true },
  { name: 'note', label: '说明及依据', required: true, input: <Input placeholder="如：春节（国务院办公厅关于2027年部分节假日安排的通知）" />, rules: [{ min: 2, message: '至少 2 个字' }] },
];

export default function CalendarPage() {
  const me = useMe();
  const admin = me.permissions.includes('system:admin');
  const [year, setYear] = useState(THIS_YEAR);
  const [open, setOpen] = useState(false);
  const q = useQuery({ queryKey: [CALENDAR, year], queryFn: () => api.get<{ days: Day[] }>(CALENDAR, { year }) });
  const set = useApiMutation((v: Record<string, unknown>) => api.put(`${CALENDAR}/days`, { ...v, day: (v.day as dayjs.Dayjs).format('YYYY-MM-DD'), isWorkday: !!v.isWorkday }),
    { invalidate: [CALENDAR], success: '已保存' });
  const reset = useApiMutation((day: string) => api.del(`${CALENDAR}/days/${day}`), { invalidate: [CALENDAR], success: '已恢复为平常的工作日或周末' });
  const days = q.data?.days ?? [];
  const assumed = days.some((d) => d.assumed);
  return (
    <>
      <PageHeader title="工作日历" extra={<Flex gap={8}>
        <Select value={year} onChange={setYear} options={Array.from({ length: 7 }, (_, i) => THIS_YEAR - 4 + i).map((y) => ({ value: y, label: `${y}年` }))} data-testid="calendar-year" />
        {admin && <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>设置某日</Button>}
      </Flex>}>
        按工作日计算的法定期限（陈述申辩、听证、送达等）依此日历跳过节假日、计入调休上班日。未列出的日子：周一至周五上班，周六、周日休息。
      </PageHeader>
      {assumed && <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="calendar-assumed"
        title={`${year}年的安排为推定：国务院办公厅尚未公布${year}年部分节假日安排，这里按法定节日推定，未设调休上班日。`}
        description={admin ? '通知公布后，请逐日核对：删除不放假的日子，添加调休上班日，并在说明中写明通知名称。' : '通知公布后由系统管理员核对更新；在此之前按推定计算的期限请人工复核。'} />}
      <Table<Day> rowKey="day" size="small" loading={q.isLoading} dataSource={days} pagination={{ pageSize: 50, hideOnSinglePage: true }} scroll={{ x: 'max-content' }}
        locale={{ emptyText: `${year}年没有设置节假日。${admin ? '点“设置某日”按国务院办公厅通知添加。' : ''}` }}
        columns={[
          { title: '日期', dataIndex: 'day', render: (d: string) => `${d} ${weekday(d)}` },
          { title: '安排', dataIndex: 'isWorkday', render: (w: boolean) => (w ? <Tag color="processing">调休上班</Tag> : <Tag color="red">放假</Tag>) },
          { title: '说明', dataIndex: 'note', render: (n: string | null, d) => <>{n}{d.assumed && <Tag color="warning" style={{ marginLeft: 8 }}>推定</Tag>}</> },
          ...(admin ? [{ title: '', key: 'x', render: (_: unknown, d: Day) => <ConfirmButton size="small" danger confirm={`删除 ${d.day} 的设置？`}
            description="删除后该日按平常的工作日或周末计算。" onConfirm={() => reset.mutate(d.day)}>删除</ConfirmButton> }] : []),
        ]} />
      <ActionModal open={open} title="设置节假日或调休上班日" fields={FIELDS} confirm="保存后，之后计算的期限按新的安排；已算出的期限不变。" pending={set.isPending}
        onSubmit={(v) => set.mutateAsync(v)} onClose={() => setOpen(false)} />
    </>
  );
}
