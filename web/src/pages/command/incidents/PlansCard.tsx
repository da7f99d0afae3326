// 研判: the matching plans ranked with their reasons, the proposed level, and the leader's decision to start.
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Form, Input, List, Select, Tag, Typography } from 'antd';
import { api } from '../../../api/client';
import { FormButton } from './FormButton';
import { INCIDENTS, LEVEL_OPTIONS, levelLabel, type Incident, type PlanMatches } from './incidentApi';

export function PlansCard({ incident }: { incident: Incident }) {
  const q = useQuery({ queryKey: [INCIDENTS, incident.id, 'plans'], queryFn: () => api.get<PlanMatches>(`${INCIDENTS}/${incident.id}/plans`) });
  const m = q.data;
  const canStart = incident.actions.includes('start');
  return (
    <Card size="small" title="预案匹配与响应建议" data-testid="plans-card"
      extra={canStart && m && (
        <FormButton<{ planId?: string; level: number; reason: string }> type="primary" danger label="启动响应" title="领导决策：启动应急响应"
          path={`${INCIDENTS}/${incident.id}/start`} success="已启动应急响应" okText="启动"
          initialValues={{ planId: (m.matches.find((p) => p.planKind !== 'enterprise') ?? m.matches[0])?.planId, level: m.proposedLevel, reason: m.proposedReason }}>
          <Form.Item name="planId" label="执行预案"><Select allowClear options={m.matches.map((p) => ({ value: p.planId, label: `${p.rank}. ${p.title}` }))} placeholder="不选则不按预案生成任务" /></Form.Item>
          <Form.Item name="level" label="响应级别" rules={[{ required: true }]}><Select options={LEVEL_OPTIONS} /></Form.Item>
          <Form.Item name="reason" label="决策理由" rules={[{ required: true, min: 2, message: '请写明启动理由' }]}><Input.TextArea autoSize maxLength={500} /></Form.Item>
        </FormButton>
      )}>
      {m && (
        <>
          <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={`建议启动${levelLabel(m.proposedLevel)}响应`} description={m.proposedReason} data-testid="proposed-level" />
          {!m.available && <Typography.Text type="secondary">预案模块未启用。</Typography.Text>}
          <List size="small" dataSource={m.matches} locale={{ emptyText: '没有适用于本事件的已发布预案，请按事件等级决策或到“预案与资源”补充预案。' }}
            renderItem={(p) => (
              <List.Item>
                <List.Item.Meta title={<>{p.rank}. {p.title} {p.proposedLevel && (p.planKind === 'enterprise'
                  ? <Tag color="orange" title="企业自身的响应级别，不是政府响应级别">企业{levelLabel(p.proposedLevel)}</Tag>
                  : <Tag color="red">{levelLabel(p.proposedLevel)}</Tag>)}
                  {incident.planId === p.planId && <Tag color="green">执行中</Tag>}</>}
                  description={<ul style={{ margin: 0, paddingLeft: 18 }}>{p.reasons.map((r) => <li key={r}>{r}</li>)}</ul>} />
              </List.Item>
            )} />
        </>
      )}
    </Card>
  );
}
