// The tags and the coloured deadline a hazard shows wherever it is listed.
import { Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { HAZARD_LEVELS, HAZARD_STATUSES, LEVEL_COLOURS, RISK_COLOURS, RISK_LEVELS, STATUS_COLOURS, SUPERVISE_LEVELS, type HazardLevel, type HazardStatus, type RiskColour } from './codes';
import type { Hazard } from './hazardApi';

export function LevelTag({ level }: { level: HazardLevel }) {
  return <Tag color={LEVEL_COLOURS[level]}>{HAZARD_LEVELS[level]}</Tag>;
}

export function HazardStatusTag({ status }: { status: HazardStatus }) {
  return <Tag color={STATUS_COLOURS[status]}>{HAZARD_STATUSES[status]}</Tag>;
}

export function RiskTag({ level }: { level: RiskColour }) {
  const c = RISK_COLOURS[level];
  return <Tag variant="solid" color={c.hex} style={{ color: c.text }}>{c.name} · {RISK_LEVELS[level]}</Tag>;
}

/** Level, status, 逾期 and 督办 of one hazard. */
export function HazardTags({ hazard }: { hazard: Pick<Hazard, 'level' | 'status' | 'overdue' | 'superviseLevel'> }) {
  return (
    <Space size={[0, 4]} wrap>
      <LevelTag level={hazard.level} />
      <HazardStatusTag status={hazard.status} />
      {hazard.overdue && <Tag color="red">逾期</Tag>}
      {hazard.superviseLevel && <Tag color="volcano">{SUPERVISE_LEVELS[hazard.superviseLevel]}</Tag>}
    </Space>
  );
}

const DUE_SOON_DAYS = 3;

/** Days from today (the browser's day, Asia/Shanghai in use) to a YYYY-MM-DD date. */
export const daysUntil = (date: string) => dayjs(date).startOf('day').diff(dayjs().startOf('day'), 'day');

/** The deadline, red when overdue, orange when due within three days, grey once closed. */
export function DeadlineText({ hazard }: { hazard: Pick<Hazard, 'deadline' | 'status' | 'overdue'> }) {
  if (!hazard.deadline) return <Typography.Text type="secondary">未交办</Typography.Text>;
  if (hazard.status === 'closed') return <Typography.Text type="secondary">{hazard.deadline}</Typography.Text>;
  const days = daysUntil(hazard.deadline);
  if (hazard.overdue || days < 0) return <Typography.Text type="danger" strong>{hazard.deadline}（逾期 {Math.max(1, -days)} 天）</Typography.Text>;
  if (hazard.status === 'review') return <Typography.Text>{hazard.deadline}</Typography.Text>;
  if (days <= DUE_SOON_DAYS) return <Typography.Text type="warning" strong>{hazard.deadline}（{days === 0 ? '今天到期' : `剩 ${days} 天`}）</Typography.Text>;
  return <Typography.Text>{hazard.deadline}</Typography.Text>;
}
