// 延期申请 of a hazard, and 审批延期 for the regulator while one waits for a decision.
import { useState } from 'react';
import { Button, Card, Flex, List, Tag, Typography } from 'antd';
import { formatTime } from '../../components/format';
import type { HazardDetail } from './hazardApi';
import { MoveModal } from './moves/MoveModal';
import { decisionSpec, type MoveSpec } from './moves/moveSpecs';

const DECISIONS: Record<string, [string, string]> = { approved: ['已批准', 'success'], rejected: ['已驳回', 'error'] };

export function ExtensionsCard({ hazard }: { hazard: HazardDetail }) {
  const [spec, setSpec] = useState<MoveSpec | null>(null);
  if (!hazard.extensions.length) return null;
  return (
    <Card size="small" title="延期申请">
      <List dataSource={hazard.extensions} renderItem={(x) => {
        const [label, colour] = x.decision ? DECISIONS[x.decision] ?? [x.decision, 'default'] : ['待审批', 'warning'];
        return (
          <List.Item key={x.id}>
            <Flex vertical gap={4} style={{ width: '100%' }}>
              <Flex wrap gap={6} align="center">
                <Typography.Text strong>{x.oldDeadline} → {x.newDeadline}</Typography.Text>
                <Tag color={colour}>{label}</Tag>
              </Flex>
              <Typography.Text>理由：{x.reason}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {x.requestedByName ? `${x.requestedByName} ` : ''}申请于 {formatTime(x.requestedAt)}{x.decidedAt ? `，审批于 ${formatTime(x.decidedAt)}` : ''}{x.decisionNote ? `：${x.decisionNote}` : ''}
              </Typography.Text>
              {x.mayDecide && (
                <Flex gap={8}>
                  <Button type="primary" onClick={() => setSpec(decisionSpec(x.id, true, x.newDeadline))}>批准延期</Button>
                  <Button danger onClick={() => setSpec(decisionSpec(x.id, false, x.newDeadline))}>驳回</Button>
                </Flex>
              )}
            </Flex>
          </List.Item>
        );
      }} />
      <MoveModal spec={spec} hazard={hazard} onClose={() => setSpec(null)} />
    </Card>
  );
}
