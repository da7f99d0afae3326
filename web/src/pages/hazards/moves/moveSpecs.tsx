// What each workflow move asks for, where it posts and what it confirms: 交办整改, 提交复查, 复查销号,
// 复查不通过, 挂牌督办, 申请延期, and the decision on an extension.
import type { ReactNode } from 'react';
import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { OrgSelect } from '../../../components/OrgSelect';
import { phoneRule } from '../../../components/PersonalValue';
import { optionsOf, SUPERVISE_LEVELS, type MoveKey } from '../codes';
import { HAZARDS, type HazardDetail } from '../hazardApi';
import { PhotoUpload } from '../PhotoUpload';

type Values = Record<string, unknown>;

export interface MoveSpec {
  title: string;
  /** The question asked before the request is sent. */
  confirm: string;
  ok?: string;
  danger?: boolean;
  success: string;
  path: (h: HazardDetail) => string;
  fields: (h: HazardDetail) => ReactNode;
  initial?: (h: HazardDetail) => Values;
  toBody: (v: Values, h: HazardDetail) => unknown;
  summary?: (v: Values, h: HazardDetail) => ReactNode;
}

const day = (v: unknown) => (v as Dayjs).format('YYYY-MM-DD');
const beforeToday = (d: Dayjs) => d.isBefore(dayjs(), 'day');
/** Leaves out empty values, so optional fields are not sent as "". */
const clean = (v: Values) => Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== null && x !== ''));

const comment = (label: string, required = false, placeholder?: string) => (
  <Form.Item name="comment" label={label} rules={required ? [{ required: true, whitespace: true, message: `请填写${label}` }, { min: 2, message: '至少 2 个字' }] : []}>
    <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} placeholder={placeholder} />
  </Form.Item>
);
const photos = (h: HazardDetail, label: string, required: boolean, testId: string) => (
  <Form.Item name="photos" label={label} rules={required ? [{ required: true, type: 'array', min: 1, message: '请上传整改后的照片' }] : []}>
    <PhotoUpload enterpriseId={h.enterpriseId} testId={testId} />
  </Form.Item>
);
const post = (move: string) => (h: HazardDetail) => `${HAZARDS}/${h.id}/${move}`;
const evidence = (v: Values) => clean({ comment: v.comment, photos: (v.photos as string[] | undefined)?.length ? v.photos : undefined });

export const MOVE_SPECS: Record<MoveKey, MoveSpec> = {
  assign: {
    title: '交办整改', confirm: '确定按此交办整改？', success: '已交办，进入整改', path: post('assign'),
    initial: (h) => ({ responsiblePerson: h.responsiblePerson ?? undefined, responsiblePhone: h.responsiblePhone ?? undefined, measures: h.measures ?? undefined }),
    fields: () => (
      <>
        <Form.Item name="responsiblePerson" label="整改责任人" rules={[{ required: true, whitespace: true, message: '请填写整改责任人' }]}><Input maxLength={30} /></Form.Item>
        <Form.Item name="responsiblePhone" label="责任人电话" rules={[phoneRule(/^[0-9-]{7,20}$/, '请填写正确的电话号码')]}><Input inputMode="tel" maxLength={20} /></Form.Item>
        <Form.Item name="measures" label="整改措施" rules={[{ required: true, whitespace: true, message: '请填写整改措施' }, { min: 2, message: '至少 2 个字' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        <Form.Item name="funds" label="整改资金（元）"><InputNumber min={0} precision={2} style={{ width: '100%' }} inputMode="decimal" /></Form.Item>
        <Form.Item name="deadline" label="整改期限" rules={[{ required: true, message: '请选择整改期限' }]}>
          <DatePicker disabledDate={beforeToday} style={{ width: '100%' }} inputReadOnly />
        </Form.Item>
        {comment('交办意见')}
      </>
    ),
    toBody: (v) => clean({ ...v, deadline: day(v.deadline) }),
    summary: (v) => `整改责任人 ${String(v.responsiblePerson)}，期限 ${day(v.deadline)}。`,
  },
  submit: {
    title: '整改完成，提交复查', confirm: '确定整改已完成，提交复查？', success: '已提交复查', path: post('submit'),
    fields: (h) => <>{photos(h, '整改后照片', true, 'after-photos')}{comment('整改情况说明', false, '如：已更换泄爆片并试验合格')}</>,
    toBody: evidence,
    summary: (v) => `附整改后照片 ${(v.photos as string[]).length} 张。提交后由监管部门复查。`,
  },
  accept: {
    title: '复查销号', confirm: '确定复查通过并销号？', ok: '复查通过', success: '已复查销号', path: post('accept'),
    fields: (h) => <>{comment('复查意见', false, '如：经现场复查，已整改到位')}{photos(h, '复查照片（选填）', false, 'review-photos')}</>,
    toBody: evidence,
    summary: () => '销号后该隐患闭环，不能再变更。',
  },
  reject: {
    title: '复查不通过', confirm: '确定复查不通过，退回整改？', ok: '退回整改', danger: true, success: '已退回整改', path: post('reject'),
    fields: (h) => <>{comment('不通过原因', true)}{photos(h, '复查照片（选填）', false, 'review-photos')}</>,
    toBody: evidence,
  },
  supervise: {
    title: '挂牌督办', confirm: '确定挂牌督办该重大隐患？', success: '已挂牌督办', path: post('supervise'),
    initial: (h) => ({ level: h.superviseLevel ?? undefined, supervisingOrgId: h.supervisingOrgId ?? undefined, deadline: h.superviseDeadline ? dayjs(h.superviseDeadline) : undefined }),
    fields: () => (
      <>
        <Form.Item name="level" label="督办级别" rules={[{ required: true, message: '请选择督办级别' }]}><Select options={optionsOf(SUPERVISE_LEVELS)} /></Form.Item>
        <Form.Item name="supervisingOrgId" label="督办单位" rules={[{ required: true, message: '请选择督办单位' }]} extra="挂牌后，须由督办单位复查销号。"><OrgSelect placeholder="选择督办单位" /></Form.Item>
        <Form.Item name="deadline" label="督办期限" rules={[{ required: true, message: '请选择督办期限' }]}><DatePicker disabledDate={beforeToday} style={{ width: '100%' }} inputReadOnly /></Form.Item>
        {comment('督办要求')}
      </>
    ),
    toBody: (v) => clean({ ...v, deadline: day(v.deadline) }),
    summary: (v) => `督办期限 ${day(v.deadline)}。`,
  },
  extend: {
    title: '申请延期', confirm: '确定提交延期申请？', success: '已提交延期申请，待监管部门审批', path: (h) => `${HAZARDS}/${h.id}/extensions`,
    fields: (h) => (
      <>
        <Form.Item label="原整改期限">{h.deadline ?? '—'}</Form.Item>
        <Form.Item name="newDeadline" label="申请延至" rules={[{ required: true, message: '请选择新的整改期限' }]}>
          <DatePicker disabledDate={(d) => !!h.deadline && !d.isAfter(dayjs(h.deadline), 'day')} style={{ width: '100%' }} inputReadOnly />
        </Form.Item>
        <Form.Item name="reason" label="延期理由" rules={[{ required: true, whitespace: true, message: '请写明延期理由' }, { min: 4, message: '至少 4 个字' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} />
        </Form.Item>
      </>
    ),
    toBody: (v) => ({ newDeadline: day(v.newDeadline), reason: v.reason }),
  },
};

/** 审批延期: approve or refuse one request, with a note. */
export function decisionSpec(extensionId: string, approve: boolean, newDeadline: string): MoveSpec {
  return {
    title: approve ? '批准延期' : '驳回延期', confirm: approve ? `确定批准延期至 ${newDeadline}？` : '确定驳回该延期申请？',
    ok: approve ? '批准' : '驳回', danger: !approve, success: approve ? `已批准，整改期限延至 ${newDeadline}` : '已驳回延期申请',
    path: (h) => `${HAZARDS}/${h.id}/extensions/${extensionId}/decision`,
    fields: () => comment('审批意见'),
    toBody: (v) => ({ approve, ...(v.comment ? { note: v.comment } : {}) }),
  };
}
