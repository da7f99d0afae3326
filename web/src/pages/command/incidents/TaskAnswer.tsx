// Answering a task (签收 and 反馈 with text, photos and where the person stands), and a task's feedback history with
// the commander's accept / send back: shared by the command view's task list and the assignee's 我的任务 page.
import { useState } from 'react';
import { Button, Flex, Form, Input, Space, Tag, Typography } from 'antd';
import { EnvironmentOutlined } from '@ant-design/icons';
import { formatTime } from '../../../components/format';
import { PhotoStrip, PhotoUpload } from '../../hazards/PhotoUpload';
import { FormButton, usePost } from './FormButton';
import { INCIDENTS, type Task } from './incidentApi';

export const TASK_COLOURS: Record<string, string> = { assigned: 'orange', read: 'blue', submitted: 'purple', accepted: 'green', returned: 'red' };
const FEEDBACK_STATUS: Record<string, [string, string]> = { submitted: ['待审核', 'purple'], accepted: ['已采纳', 'green'], returned: ['已退回', 'red'] };

/** The phone's position into the form's lng/lat fields, on request (the browser asks the person first). */
function HereField() {
  const form = Form.useFormInstance();
  const lng = Form.useWatch('lng', form) as number | undefined;
  const lat = Form.useWatch('lat', form) as number | undefined;
  const [state, setState] = useState<'idle' | 'busy' | string>('idle');
  const locate = () => {
    if (!navigator.geolocation) { setState('此设备不支持定位，可在文字中写明位置'); return; }
    setState('busy');
    navigator.geolocation.getCurrentPosition(
      (p) => { form.setFieldsValue({ lng: Math.round(p.coords.longitude * 1e5) / 1e5, lat: Math.round(p.coords.latitude * 1e5) / 1e5 }); setState('idle'); },
      () => setState('无法获取位置：请在浏览器中允许定位，或在文字中写明位置'),
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  };
  return (
    <Flex vertical gap={4}>
      <Space wrap>
        <Button icon={<EnvironmentOutlined />} loading={state === 'busy'} onClick={locate}>{lng != null ? '重新定位' : '附上我的位置'}</Button>
        {lng != null && lat != null && <Typography.Text type="secondary">经度 {lng}，纬度 {lat}</Typography.Text>}
      </Space>
      {state !== 'idle' && state !== 'busy' && <Typography.Text type="warning">{state}</Typography.Text>}
      <Form.Item name="lng" hidden><Input /></Form.Item>
      <Form.Item name="lat" hidden><Input /></Form.Item>
    </Flex>
  );
}

interface AnswerValues { text: string; fileIds?: string[]; lng?: number; lat?: number }

/** 签收 and 反馈 buttons for the assignee, while the incident is responding and the task not yet accepted. */
export function TaskAnswerButtons({ task: t, block, invalidate }: { task: Task; block?: boolean; invalidate?: string[] }) {
  const read = usePost('已签收', invalidate);
  if (!t.mine || t.incidentStatus !== 'responding' || t.status === 'accepted') return null;
  return (
    <Space wrap style={block ? { width: '100%' } : undefined}>
      {!t.readAt && (
        <Button size={block ? 'large' : 'small'} loading={read.isPending} data-testid={`sign-${t.id}`}
          onClick={() => read.mutate({ path: `${INCIDENTS}/tasks/${t.id}/read` })}>签收</Button>
      )}
      <FormButton<AnswerValues> size={block ? 'large' : 'small'} type="primary" label={t.status === 'returned' ? '重新反馈' : '反馈'} title={`反馈任务 ${t.seq}：${t.title}`}
        path={`${INCIDENTS}/tasks/${t.id}/feedback`} success="已反馈，等待指挥部审核" invalidate={invalidate} data-testid={`answer-${t.id}`}
        toBody={(v) => ({ text: v.text, fileIds: v.fileIds?.length ? v.fileIds : undefined, lng: v.lng ?? undefined, lat: v.lat ?? undefined })}>
        {t.status === 'returned' && <Typography.Paragraph type="danger">退回意见：{t.feedback.at(-1)?.reviewNote}</Typography.Paragraph>}
        <Form.Item name="text" label="进展情况" rules={[{ required: true, whitespace: true, message: '请写明任务进展' }, { min: 2, message: '请写明任务进展' }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} placeholder="如：已到达现场，设置警戒区 200 米，无人员被困" />
        </Form.Item>
        <Form.Item name="fileIds" label="现场照片（选填）"><PhotoUpload testId={`answer-photos-${t.id}`} /></Form.Item>
        <Form.Item label="位置（选填）"><HereField /></Form.Item>
      </FormButton>
    </Space>
  );
}

/** A task's feedback, oldest first, with accept / send back for the commander. */
export function FeedbackHistory({ task: t, canReview, invalidate }: { task: Task; canReview: boolean; invalidate?: string[] }) {
  const review = usePost('已采纳', invalidate);
  if (!t.feedback.length) return null;
  return (
    <Flex vertical gap={6} style={{ marginTop: 4 }}>
      {t.feedback.map((f) => (
        <div key={f.id}>
          <Space wrap size={4}>
            <Tag color={FEEDBACK_STATUS[f.status]?.[1]}>{FEEDBACK_STATUS[f.status]?.[0] ?? f.status}</Tag>
            <Typography.Text type="secondary">{formatTime(f.createdAt)} {f.createdBy ?? t.assigneeLabel ?? ''}</Typography.Text>
            {f.lng != null && <Typography.Text type="secondary"><EnvironmentOutlined /> {f.lng}, {f.lat}</Typography.Text>}
          </Space>
          <div>{f.text}</div>
          <PhotoStrip ids={f.fileIds} size={56} />
          {f.reviewNote && <Typography.Text type="danger">退回意见：{f.reviewNote}</Typography.Text>}
          {f.status === 'submitted' && canReview && (
            <Space>
              <Button size="small" type="link" onClick={() => review.mutate({ path: `${INCIDENTS}/feedback/${f.id}/review`, body: { approve: true } })}>采纳</Button>
              <FormButton<{ note: string }> size="small" type="link" label="退回" title="退回反馈" path={`${INCIDENTS}/feedback/${f.id}/review`}
                toBody={(v) => ({ approve: false, note: v.note })} success="已退回" invalidate={invalidate}>
                <Form.Item name="note" label="需补充或改正的内容" rules={[{ required: true, message: '请说明' }]}><Input.TextArea autoSize maxLength={500} /></Form.Item>
              </FormButton>
            </Space>
          )}
        </div>
      ))}
    </Flex>
  );
}
