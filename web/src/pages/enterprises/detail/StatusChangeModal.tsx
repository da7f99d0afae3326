// 变更经营状态: the new status, why (required), who ordered it (an organisation and/or a person), on which
// document and from when. The change lands in the enterprise's 变更记录.
import { Col, DatePicker, Form, Input, Modal, Radio, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/mutation';
import { OrgSelect } from '../../../components/OrgSelect';
import { PATHS, type Enterprise } from '../api';
import { labelOf, STATUS_OPTIONS, ENTERPRISE_STATUSES } from '../codes';
import { EnterpriseStatusTag } from '../EnterpriseTags';
import { showServerErrors } from '../form/serverErrors';

interface FormValues {
  status: string;
  reason: string;
  orderedByOrgId?: string;
  orderedBy?: string;
  documentNo?: string;
  effectiveOn: Dayjs;
}

const FORM_ID = 'enterprise-status-form';
const FIELDS = ['status', 'reason', 'orderedByOrgId', 'orderedBy', 'documentNo', 'effectiveOn'];

export function StatusChangeModal({ enterprise, onClose }: { enterprise: Enterprise | null; onClose: () => void }) {
  const [form] = Form.useForm<FormValues>();
  const id = enterprise?.id ?? '';
  const save = useApiMutation(
    (v: FormValues) => api.post<Enterprise>(PATHS.status(id), {
      status: v.status, reason: v.reason.trim(), orderedByOrgId: v.orderedByOrgId ?? null, orderedBy: v.orderedBy?.trim() || null,
      documentNo: v.documentNo?.trim() || null, effectiveOn: v.effectiveOn.format('YYYY-MM-DD'),
    }),
    {
      success: (e) => `经营状态已变更为“${labelOf(ENTERPRISE_STATUSES, e.status)}”`,
      invalidate: [PATHS.list, PATHS.one(id), PATHS.statusHistory(id), PATHS.changes(id)],
      onSuccess: onClose,
    },
  );

  return (
    <Modal open={!!enterprise} title={`变更经营状态：${enterprise?.name ?? ''}`} onCancel={onClose} destroyOnHidden
      okButtonProps={{ htmlType: 'submit', form: FORM_ID }} confirmLoading={save.isPending} okText="确认变更" cancelText="取消">
      {enterprise && (
        <Form<FormValues> form={form} name={FORM_ID} layout="vertical" initialValues={{ effectiveOn: dayjs() }}
          onFinish={(v) => save.mutate(v, { onError: (e) => showServerErrors(form, e, FIELDS) })}>
          <Form.Item label="当前状态"><EnterpriseStatusTag status={enterprise.status} /></Form.Item>
          <Form.Item name="status" label="变更为" rules={[{ required: true, message: '请选择新的经营状态' }]}>
            <Radio.Group optionType="button" buttonStyle="solid"
              options={STATUS_OPTIONS.map((o) => ({ ...o, disabled: o.value === enterprise.status }))} />
          </Form.Item>
          <Form.Item name="reason" label="变更原因" rules={[{ required: true, whitespace: true, message: '请填写变更原因' }, { min: 2, message: '变更原因至少 2 个字' }, { max: 500 }]}>
            <Input.TextArea rows={3} showCount maxLength={500} placeholder="如：检查发现重大事故隐患，责令停产整顿" />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={24} sm={12}>
              <Form.Item name="orderedByOrgId" label="决定单位"><OrgSelect placeholder="下令或决定的单位" /></Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="orderedBy" label="决定人" rules={[{ max: 50 }]}><Input placeholder="如：张某（局长）" /></Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="documentNo" label="文书文号" rules={[{ max: 60 }]}><Input placeholder="如：汨应急责改〔2026〕12号" /></Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="effectiveOn" label="生效日期" rules={[{ required: true, message: '请选择生效日期' }]}>
                <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      )}
    </Modal>
  );
}
