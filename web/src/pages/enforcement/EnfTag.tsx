// The coloured state tags of enforcement records, from the contract's code tables.
import { Tag } from 'antd';
import { CASE_COLOURS, CASE_STATUSES, INSPECTION_COLOURS, INSPECTION_STATUSES, TIPOFF_COLOURS, TIPOFF_STATUSES } from './enforcementApi';

const TABLES = {
  inspection: [INSPECTION_STATUSES, INSPECTION_COLOURS],
  case: [CASE_STATUSES, CASE_COLOURS],
  tipoff: [TIPOFF_STATUSES, TIPOFF_COLOURS],
} as const;

export function EnfTag({ of, status }: { of: keyof typeof TABLES; status: string }) {
  const [labels, colours] = TABLES[of];
  return <Tag color={colours[status] ?? 'default'}>{(labels as Record<string, string>)[status] ?? status}</Tag>;
}

/** A due date, red when past, orange within three days. */
export function DueTag({ due, overdue, today = new Date().toISOString().slice(0, 10) }: { due: string | null | undefined; overdue?: boolean; today?: string }) {
  if (!due) return <>—</>;
  const days = Math.round((Date.parse(due) - Date.parse(today)) / 86_400_000);
  const late = overdue ?? days < 0;
  // A deadline met in time (overdue false) that lies in the past is just a date.
  if (!late && days < 0) return <Tag>{due}</Tag>;
  const colour = late ? 'error' : days <= 3 ? 'warning' : 'default';
  return <Tag color={colour}>{due}{late ? ' 已逾期' : days <= 3 ? ` 剩${days}天` : ''}</Tag>;
}
