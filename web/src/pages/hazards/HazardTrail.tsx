// The trail of a hazard as a timeline: each move with who, when, the status change, comment and photos.
import { Card, Flex, Tag, Timeline, Typography } from 'antd';
import { formatTime } from '../../components/format';
import { HAZARD_STATUSES } from './codes';
import type { HazardDetail, HazardEvent } from './hazardApi';
import { PhotoStrip } from './PhotoUpload';

const COLOURS: Record<string, string> = { report: 'blue', assign: 'blue', submit: 'purple', accept: 'green', reject: 'red', supervise: 'volcano',
  extend_request: 'gray', extend_approve: 'green', extend_reject: 'red' };
/** What the photos of a move show. */
const PHOTO_LABELS: Record<string, string> = { report: '整改前', submit: '整改后', accept: '复查', reject: '复查' };
const status = (s: string | null) => (s ? HAZARD_STATUSES[s as keyof typeof HAZARD_STATUSES] ?? s : '');

/** The facts a move's data carries (deadline set, extension asked for), in words. */
function facts(e: HazardEvent): string | null {
  const d = (e.data ?? {}) as Record<string, unknown>;
  if (e.action === 'assign') return [d.responsiblePerson && `责任人 ${String(d.responsiblePerson)}`, d.deadline && `期限 ${String(d.deadline)}`,
    typeof d.funds === 'number' && `资金 ${d.funds} 元`].filter(Boolean).join('，');
  if (e.action === 'extend_request') return `申请延至 ${String(d.newDeadline)}`;
  if (e.action === 'extend_approve') return `期限由 ${String(d.oldDeadline)} 延至 ${String(d.newDeadline)}`;
  if (e.action === 'supervise') return `督办期限 ${String(d.deadline ?? '')}`;
  return null;
}

function Entry({ e }: { e: HazardEvent }) {
  const detail = facts(e);
  return (
    <Flex vertical gap={4}>
      <Flex wrap gap={6} align="center">
        <Typography.Text strong>{e.actionLabel}</Typography.Text>
        {e.toStatus && e.fromStatus !== e.toStatus && <Tag>{e.fromStatus ? `${status(e.fromStatus)} → ` : ''}{status(e.toStatus)}</Tag>}
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{e.actorName} · {formatTime(e.at)}</Typography.Text>
      {detail && <Typography.Text>{detail}</Typography.Text>}
      {e.comment && <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{e.comment}</Typography.Text>}
      {e.photos.length > 0 && (
        <Flex vertical gap={2}>
          {PHOTO_LABELS[e.action] && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{PHOTO_LABELS[e.action]}照片</Typography.Text>}
          <PhotoStrip ids={e.photos} />
        </Flex>
      )}
    </Flex>
  );
}

export function HazardTrail({ hazard }: { hazard: HazardDetail }) {
  return (
    <Card size="small" title="处理过程" data-testid="hazard-trail">
      <Timeline items={hazard.events.map((e) => ({ key: e.id, color: COLOURS[e.action] ?? 'gray', content: <Entry e={e} /> }))} />
    </Card>
  );
}
