// 修改联系人: the part of the record an enterprise account keeps up to date itself (its regulator is told).
import { Alert, Form, Modal } from 'antd';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/mutation';
import { PATHS, type Enterprise } from '../api';
import { CONTACT_FIELDS, ContactFields, type ContactValues } from '../form/ContactFields';
import { showServerErrors } from '../form/serverErrors';

const FORM_ID = 'enterprise-contacts-form';
const NAMES = CONTACT_FIELDS.flatMap(([name, phone]) => [name, phone]);

export function ContactsModal({ enterprise, onClose }: { enterprise: Enterprise | null; onClose: () => void }) {
  const [form] = Form.useForm<ContactValues>();
  const id = enterprise?.id ?? '';
  const save = useApiMutation(
    (v: ContactValues) => api.patch<Enterprise>(PATHS.contacts(id),
      Object.fromEntries(NAMES.map((n) => [n, v[n]?.trim() || null]))),
    { success: '联系人已更新', invalidate: [PATHS.one(id), PATHS.changes(id)], onSuccess: onClose },
  );
  const initial = enterprise ? Object.fromEntries(NAMES.map((n) => [n, enterprise[n] ?? undefined])) : {};

  return (
    <Modal open={!!enterprise} title="修改联系人" onCancel={onClose} destroyOnHidden width={{ xs: '100%', md: 720 }}
      okButtonProps={{ htmlType: 'submit', form: FORM_ID }} confirmLoading={save.isPending} okText="保存" cancelText="取消">
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title="保存后，行业主管部门会收到本企业更新联系人的提醒。" />
      <Form<ContactValues> form={form} name={FORM_ID} layout="vertical" initialValues={initial}
        onFinish={(v) => save.mutate(v, { onError: (e) => showServerErrors(form, e, NAMES) })}>
        <ContactFields />
      </Form>
    </Modal>
  );
}
