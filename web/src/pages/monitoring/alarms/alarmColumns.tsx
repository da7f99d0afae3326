// The columns of the alarm list; a row opens the alarm. Alarms raised while the page is open are marked 新.
import { Button, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { formatTime } from '../../../components/format';
import { ALARM_CONDITIONS, valueText, whereOf, type Alarm } from '../monitoringApi';
import { AlarmLevelTag, AlarmStatusTag } from '../MonitoringTags';

export function alarmColumns(phone: boolean, showWhere: boolean, fresh: ReadonlySet<string>, onOpen: (id: string) => void): ColumnsType<Alarm> {
  const what = {
    title: '报警', key: 'what', render: (_: unknown, a: Alarm) => (
      <div>
        {fresh.has(a.id) && <Tag color="red" data-testid="fresh-alarm">新</Tag>}
        <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }} onClick={() => onOpen(a.id)}>
          {a.sensorName ?? a.deviceName}：{ALARM_CONDITIONS[a.condition]}
        </Button>
        <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {showWhere ? `${whereOf(a)} · ` : ''}{phone ? formatTime(a.raisedAt) : a.deviceName}
        </Typography.Text></div>
      </div>
    ),
  };
  const level = { title: '级别', key: 'level', render: (_: unknown, a: Alarm) => <AlarmLevelTag alarm={a} /> };
  const status = { title: '状态', dataIndex: 'status', render: (v: Alarm['status']) => <AlarmStatusTag status={v} /> };
  if (phone) return [what, { ...status, render: (_: unknown, a: Alarm) => <><AlarmLevelTag alarm={a} /><AlarmStatusTag status={a.status} /></> }];
  return [
    what, level,
    { title: '报警值 / 阈值', key: 'value', render: (_: unknown, a: Alarm) => `${valueText(a.value, a.unit)} / ${valueText(a.threshold, a.unit)}` },
    { title: '报警时间', dataIndex: 'raisedAt', render: (v: string) => formatTime(v) },
    { title: '恢复', dataIndex: 'clearedAt', render: (v: string | null, a: Alarm) => (v ? formatTime(v) : a.status === 'closed' ? '—' : <Typography.Text type="danger">未恢复</Typography.Text>) },
    status,
  ];
}
