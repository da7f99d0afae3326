// 交接班记录: who handed over to whom, the notes and open items, and whether the next shift has received it.
import { Space, Tag, Typography } from 'antd';
import type { Handover } from '../../../../../contracts/command-duty';
import { formatTime } from '../../../components/format';
import { PagedTable } from '../../../components/list/PagedTable';

const shift = (s: Handover['from']) => `${s.date.slice(5)} ${s.label}`;

export function HandoversTab() {
  return (
    <PagedTable<Handover> path="/api/command/duty/handovers" rowKey="id" emptyText="还没有交接班记录：值班人员在“值班台”点击“交班”后，记录会出现在这里。"
      filters={[
        { kind: 'segmented', name: 'pending', options: [{ label: '全部', value: '' }, { label: '待接班', value: 'true' }, { label: '已接班', value: 'false' }] },
        { kind: 'dateRange', from: 'from', to: 'to' },
      ]}
      columns={[
        { title: '交班', key: 'from', render: (_, h) => <Space direction="vertical" size={0}><span>{shift(h.from)}</span><Typography.Text type="secondary">{h.handedBy.name} {formatTime(h.handedAt)}</Typography.Text></Space> },
        { title: '接班', key: 'to', render: (_, h) => <Space direction="vertical" size={0}><span>{shift(h.to)}</span>
          {h.receivedBy ? <Typography.Text type="secondary">{h.receivedBy.name} {formatTime(h.receivedAt)}</Typography.Text> : <Tag color="orange">待接班</Tag>}</Space> },
        { title: '交班情况', dataIndex: 'notes', width: 360, render: (n: string) => <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 3, expandable: true }}>{n}</Typography.Paragraph> },
        { title: '遗留事项', key: 'items', width: 280, render: (_, h) => h.openItems.length ? h.openItems.map((o, i) => <div key={i}>· {o.text}</div>) : '—' },
        { title: '接班意见', dataIndex: 'receiveNote', render: (v: string | null) => v ?? '—' },
      ]} />
  );
}
