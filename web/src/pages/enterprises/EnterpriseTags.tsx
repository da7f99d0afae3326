// The coloured tags of an enterprise: status, risk colour, key enterprise, major hazard grade, licence expiry.
import { Tag } from 'antd';
import { ENTERPRISE_STATUSES, RISK_LEVELS } from './codes';

const CN_GRADE = ['', '一级', '二级', '三级', '四级'];
// Preset colours read better than the map's hex (yellow text on white is unreadable).
const RISK_TAG_COLOUR: Record<string, string> = { red: 'red', orange: 'orange', yellow: 'gold', blue: 'blue' };

export function EnterpriseStatusTag({ status }: { status: string }) {
  const s = ENTERPRISE_STATUSES.find((x) => x.code === status);
  return <Tag color={s?.color ?? 'default'}>{s?.label ?? status}</Tag>;
}

/** 红色 重大风险 …; `未评定` when no assessment has set it. */
export function RiskTag({ level }: { level: string | null }) {
  const r = RISK_LEVELS.find((x) => x.code === level);
  if (!r) return <Tag>风险未评定</Tag>;
  return <Tag color={RISK_TAG_COLOUR[r.code]}>{`${r.colour}色 · ${r.label}`}</Tag>;
}

export function KeyTag({ isKey }: { isKey: boolean }) {
  return isKey ? <Tag color="volcano">重点企业</Tag> : null;
}

/** The highest grade among its identified major hazard sources (1 = 一级). */
export function MajorHazardTag({ count, grade }: { count: number; grade: number | null }) {
  if (!count) return null;
  return <Tag color="magenta">{`${grade ? `${CN_GRADE[grade]}` : ''}重大危险源${count > 1 ? ` ×${count}` : ''}`}</Tag>;
}

export function gradeLabel(grade: number | null | undefined): string {
  return grade ? `${CN_GRADE[grade]}重大危险源` : '不构成重大危险源';
}

/** A licence's expiry: 长期有效, 已过期, or days left coloured by the reminder thresholds (90/30/7). */
export function ExpiryTag({ expiresOn, daysLeft }: { expiresOn: string | null; daysLeft: number | null }) {
  if (!expiresOn || daysLeft === null) return <Tag color="green">长期有效</Tag>;
  if (daysLeft < 0) return <Tag color="red">{`已过期 ${-daysLeft} 天`}</Tag>;
  const colour = daysLeft <= 30 ? 'volcano' : daysLeft <= 90 ? 'gold' : 'green';
  return <Tag color={colour}>{daysLeft === 0 ? '今天到期' : `${daysLeft} 天后到期`}</Tag>;
}
