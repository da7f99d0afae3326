// 响应级别: the active level, its changes with reasons, proposing a change and approving or rejecting one.
import { Button, Card, Form, Input, Select, Space, Table, Tag } from 'antd';
import { formatTime } from '../../../components/format';
import { FormButton, usePost } from './FormButton';
import { INCIDENTS, LEVEL_OPTIONS, levelLabel, type Incident } from './incidentApi';

const KIND = { start: '启动', raise: '提升', lower: '降低' } as Record<string, string>;
const STATUS = { proposed: ['待审批', 'orange'], approved: ['已批准', 'green'], rejected: ['已驳回', 'default'] } as Record<string, [string, string]>;

export function LevelCard({ incident }: { incident: Incident }) {
  const decide = usePost('已审批');
  const can = (a: string) => incident.actions.includes(a);
  return (
    <Card size="small" title={<>响应级别：<Tag color="red" data-testid="active-level">{levelLabel(incident.responseLevel)}</Tag></>}
      extra={can('propose') && (
        <FormButton<{ toLevel: number; reason: string }> label="提请调整级别" title="提请调整响应级别（须领导审批）" path={`${INCIDENTS}/${incident.id}/level-changes`} success="已提请，等待审批">
          <Form.Item name="toLevel" label="调整为" rules={[{ required: true, message: '请选择级别' }]}><Select options={LEVEL_OPTIONS} /></Form.Item>
          <Form.Item name="reason" label="理由" rules={[{ required: true, min: 2, message: '请写明理由' }]}><Input.TextArea autoSize maxLength={500} /></Form.Item>
        </FormButton>
      )}>
      <Table size="small" rowKey="id" pagination={false} dataSource={incident.levelChanges} scroll={{ x: 'max-content' }} locale={{ emptyText: '尚未启动响应' }}
        columns={[
          { title: '时间', dataIndex: 'proposedAt', render: formatTime },
          { title: '变更', key: 'c', render: (_, c) => `${KIND[c.kind]}：${c.fromLevel ? levelLabel(c.fromLevel) + ' → ' : ''}${levelLabel(c.toLevel)}` },
          { title: '理由', dataIndex: 'reason' },
          { title: '提请/决策', key: 'p', render: (_, c) => [c.proposedBy, c.decidedBy].filter(Boolean).join(' / ') },
          { title: '状态', key: 's', render: (_, c) => c.status === 'proposed' && can('decide') ? (
            <Space>
              <Button size="small" type="primary" onClick={() => decide.mutate({ path: `${INCIDENTS}/level-changes/${c.id}/decide`, body: { approve: true } })}>批准</Button>
              <FormButton<{ note: string }> size="small" label="驳回" title="驳回级别调整" path={`${INCIDENTS}/level-changes/${c.id}/decide`} toBody={(v) => ({ approve: false, note: v.note })} success="已驳回">
                <Form.Item name="note" label="驳回理由" rules={[{ required: true, message: '请写明理由' }]}><Input.TextArea autoSize maxLength={500} /></Form.Item>
              </FormButton>
            </Space>
          ) : <Tag color={STATUS[c.status][1]}>{STATUS[c.status][0]}{c.decisionNote ? `：${c.decisionNote}` : ''}</Tag> },
        ]} />
    </Card>
  );
}
