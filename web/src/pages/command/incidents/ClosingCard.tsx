// 善后与总结: terminate with final figures, investigation and assessment, lessons into hazards or plan revisions, close.
import { Card, Form, Input, InputNumber, List, Radio, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { FormButton, usePost } from './FormButton';
import { INCIDENTS, LESSON_ACTIONS, optionsOf, type Incident } from './incidentApi';

const COUNTS = [['dead', '死亡'], ['injured', '重伤'], ['missing', '失踪'], ['trapped', '被困'], ['relocated', '转移安置']] as const;

export function ClosingCard({ incident: i }: { incident: Incident }) {
  const can = (a: string) => i.actions.includes(a);
  const close = usePost('已结案');
  if (i.status === 'reported') return null;
  return (
    <Card size="small" title="响应终止与总结" data-testid="closing"
      extra={<Space wrap>
        {can('terminate') && (
          <FormButton<Record<string, number> & { note: string }> danger label="终止响应" title="终止应急响应（核定最终伤亡和损失）" path={`${INCIDENTS}/${i.id}/terminate`} success="已终止响应"
            initialValues={{ dead: i.dead, injured: i.injured, missing: i.missing, trapped: i.trapped, relocated: i.relocated, lossWan: i.lossWan }}>
            <Space wrap>{COUNTS.map(([n, l]) => <Form.Item key={n} name={n} label={l} rules={[{ required: true }]}><InputNumber min={0} precision={0} /></Form.Item>)}
              <Form.Item name="lossWan" label="直接经济损失（万元）" rules={[{ required: true }]}><InputNumber min={0} /></Form.Item></Space>
            <Form.Item name="note" label="终止理由" rules={[{ required: true, min: 2, message: '请写明终止理由' }]}><Input.TextArea autoSize maxLength={1000} /></Form.Item>
          </FormButton>
        )}
        {can('review') && (
          <FormButton<{ investigation?: string; assessment?: string }> label="调查评估" title="事件调查与总结评估" path={`${INCIDENTS}/${i.id}/review`} success="已保存"
            initialValues={{ investigation: i.investigation ?? undefined, assessment: i.assessment ?? undefined }}>
            <Form.Item name="investigation" label="调查情况"><Input.TextArea autoSize={{ minRows: 3 }} maxLength={8000} /></Form.Item>
            <Form.Item name="assessment" label="总结评估" rules={[{ required: true, message: '结案前须填写总结评估' }]}><Input.TextArea autoSize={{ minRows: 3 }} maxLength={8000} /></Form.Item>
          </FormButton>
        )}
        {can('lesson') && (
          <FormButton<{ text: string; action: string }> label="登记经验教训" title="登记经验教训" path={`${INCIDENTS}/${i.id}/lessons`} success="已登记" initialValues={{ action: 'hazard' }}>
            <Form.Item name="text" label="经验教训" rules={[{ required: true, min: 2, message: '请写明' }]}><Input.TextArea autoSize maxLength={1000} /></Form.Item>
            <Form.Item name="action" label="落实方式"><Radio.Group options={optionsOf(LESSON_ACTIONS)} /></Form.Item>
          </FormButton>
        )}
        {can('close') && <ConfirmButton type="primary" confirm="确认结案？结案后事件不能再修改。" onConfirm={() => close.mutate({ path: `${INCIDENTS}/${i.id}/close` })}>结案</ConfirmButton>}
      </Space>}>
      {i.terminatedAt && <Typography.Paragraph>终止：{i.terminationNote}</Typography.Paragraph>}
      {i.assessment && <Typography.Paragraph>总结评估：{i.assessment}</Typography.Paragraph>}
      <List size="small" dataSource={i.lessons} locale={{ emptyText: i.status === 'terminated' ? '登记经验教训：每条须转为隐患或提请修订预案，全部落实后才能结案' : '响应终止后总结经验教训' }}
        renderItem={(l) => (
          <List.Item extra={l.status === 'open' && can('lesson') && (l.action === 'hazard' ? (
            <FormButton<{ title: string; level: string }> size="small" type="primary" label="转为隐患" title="转为隐患（进入隐患整改流程）" path={`${INCIDENTS}/lessons/${l.id}/complete`}
              toBody={(v) => ({ hazard: v })} success="已创建隐患" initialValues={{ title: l.text, level: 'general' }}>
              <Form.Item name="title" label="隐患名称" rules={[{ required: true, min: 2, message: '请填写隐患名称' }]}><Input maxLength={200} /></Form.Item>
              <Form.Item name="level" label="隐患等级"><Radio.Group options={[{ value: 'general', label: '一般隐患' }, { value: 'major', label: '重大隐患' }]} /></Form.Item>
            </FormButton>
          ) : (
            <FormButton<{ revisionNote: string }> size="small" type="primary" label="提请修订" title="提请修订预案" path={`${INCIDENTS}/lessons/${l.id}/complete`} success="已提请修订">
              <Form.Item name="revisionNote" label="修订内容" rules={[{ required: true, min: 2, message: '请写明修订内容' }]}><Input.TextArea autoSize maxLength={1000} /></Form.Item>
            </FormButton>
          ))}>
            <Space wrap>{l.text}<Tag color={l.status === 'done' ? 'green' : 'orange'}>{l.status === 'done' ? '已落实' : '待落实'}</Tag>
              {l.hazardId && <Link to={`/hazards/${l.hazardId}`}>隐患 {l.hazardNumber}</Link>}{l.revisionNote && `修订：${l.revisionNote}`}</Space>
          </List.Item>
        )} />
    </Card>
  );
}
