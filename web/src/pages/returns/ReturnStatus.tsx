// A return's status tag, with 逾期 beside it when it is late.
import { Space, Tag } from 'antd';
import { labelOf, RETURN_STATUSES, STATUS_COLOURS, type Return } from './returnsApi';

export function ReturnStatus({ r }: { r: Pick<Return, 'status' | 'overdue' | 'lateDays'> }) {
  return (
    <Space size={4} wrap>
      <Tag color={STATUS_COLOURS[r.status]}>{labelOf(RETURN_STATUSES, r.status)}</Tag>
      {r.overdue && <Tag color="red">逾期 {r.lateDays} 天</Tag>}
      {!r.overdue && r.lateDays > 0 && <Tag color="orange">迟报 {r.lateDays} 天</Tag>}
    </Space>
  );
}
