// A coloured tag for a record's state; the one catalogue of state names and colours.
import { Tag } from 'antd';

const STATUSES = {
  active: ['正常', 'success'],
  disabled: ['已禁用', 'default'],
  locked: ['已锁定', 'error'],
  mustChangePassword: ['待改密', 'warning'],
  sessionActive: ['有效', 'success'],
  sessionEnded: ['已失效', 'default'],
  sessionCurrent: ['当前会话', 'processing'],
  unread: ['未读', 'processing'],
  read: ['已读', 'default'],
  ackPending: ['待叫应', 'warning'],
  acked: ['已叫应', 'success'],
} as const;

type Status = keyof typeof STATUSES;

export function StatusTag({ status }: { status: Status }) {
  const [text, color] = STATUSES[status];
  return <Tag color={color}>{text}</Tag>;
}
