// 一单四制 at a glance: responsible person, measures, funds, deadline and the review (复查), plus 挂牌督办.
import { Card, Descriptions, Typography } from 'antd';
import { formatTime } from '../../components/format';
import { PersonalValue } from '../../components/PersonalValue';
import { SUPERVISE_LEVELS } from './codes';
import type { HazardDetail } from './hazardApi';
import { DeadlineText } from './HazardTags';

/** The latest trail event of an action, for who did it and when. */
const last = (h: HazardDetail, action: string) => [...h.events].reverse().find((e) => e.action === action);

function review(h: HazardDetail): string {
  const submitted = last(h, 'submit');
  const accepted = last(h, 'accept');
  if (h.status === 'closed' && accepted) return `${accepted.actorName} 于 ${formatTime(accepted.at)} 复查通过，已销号`;
  if (h.status === 'review' && submitted) return `${submitted.actorName} 于 ${formatTime(submitted.at)} 提交，待复查`;
  const rejected = last(h, 'reject');
  if (h.status === 'rectifying' && rejected) return `${rejected.actorName} 于 ${formatTime(rejected.at)} 复查不通过，继续整改`;
  return '整改完成后提交复查，由整改人以外的监管人员复查销号';
}

export function RectificationCard({ hazard: h }: { hazard: HazardDetail }) {
  const items = [
    { key: 'person', label: '责任人', children: h.responsiblePerson
      ? <span>{h.responsiblePerson}{h.responsiblePhone && <>{' · '}<PersonalValue value={h.responsiblePhone} entity="hazard" id={h.id} field="responsiblePhone" /></>}</span>
      : <Typography.Text type="secondary">待交办</Typography.Text> },
    { key: 'measures', label: '措施', children: <span style={{ whiteSpace: 'pre-wrap' }}>{h.measures ?? '—'}</span> },
    { key: 'funds', label: '资金', children: h.funds === null ? '—' : `${h.funds.toLocaleString('zh-CN')} 元` },
    { key: 'deadline', label: '期限', children: <DeadlineText hazard={h} /> },
    { key: 'review', label: '复查', children: review(h) },
    ...(h.superviseLevel ? [
      { key: 'supervise', label: '挂牌督办', children: `${SUPERVISE_LEVELS[h.superviseLevel]} · ${h.supervisingOrgName ?? ''} · 期限 ${h.superviseDeadline ?? '—'}` },
    ] : []),
  ];
  return (
    <Card size="small" title="一单四制" data-testid="rectification-card">
      <Descriptions size="small" column={1} items={items} styles={{ label: { width: 72 } }} />
    </Card>
  );
}
