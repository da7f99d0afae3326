// The lifecycle moves of an alarm — 确认, 处置 (cause, measures, false alarm or not), 关闭 — what each asks
// for, what it confirms and what it says when done.
import type { ReactNode } from 'react';
import { Form, Input, Radio } from 'antd';

export type AlarmMoveKey = 'acknowledge' | 'dispose' | 'close';

export interface AlarmMoveSpec {
  label: string;
  confirm: string;
  success: string;
  fields: ReactNode;
  summary?: (v: Record<string, unknown>) => string;
}

const comment = (label: string) => (
  <Form.Item name="comment" label={label}><Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} /></Form.Item>
);

export const ALARM_MOVES: Record<AlarmMoveKey, AlarmMoveSpec> = {
  acknowledge: {
    label: '确认', confirm: '确定已知悉该报警？确认后停止逐级提醒。', success: '已确认报警',
    fields: comment('确认说明（选填）'),
  },
  dispose: {
    label: '处置', confirm: '确定提交处置结果？', success: '已记录处置结果',
    fields: (
      <>
        <Form.Item name="falseAlarm" label="是否误报" rules={[{ required: true, message: '请选择是否误报' }]}>
          <Radio.Group optionType="button" buttonStyle="solid" options={[{ label: '真实报警', value: false }, { label: '误报', value: true }]} />
        </Form.Item>
        <Form.Item name="cause" label="报警原因" rules={[{ required: true, whitespace: true, message: '请填写报警原因' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} placeholder="如：储罐进料阀未及时关闭，液位超高" />
        </Form.Item>
        <Form.Item name="measures" label="处置措施" rules={[{ required: true, whitespace: true, message: '请填写处置措施' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} placeholder="如：关闭进料阀，倒罐至 2 号罐，液位已回落" />
        </Form.Item>
        {comment('备注（选填）')}
      </>
    ),
    summary: (v) => (v.falseAlarm ? '记为误报。' : '记为真实报警。'),
  },
  close: {
    label: '关闭', confirm: '确定关闭该报警？关闭后不能再处置。', success: '报警已关闭',
    fields: comment('关闭说明（选填）'),
  },
};
export const MOVE_ORDER: AlarmMoveKey[] = ['acknowledge', 'dispose', 'close'];
