// A form in a modal that asks for confirmation before it posts: the one shape of every enforcement action
// (case moves, measures, transfers, 送达, rewards). Fields come as a list, so callers hold no form code.
import type { ReactNode } from 'react';
import { Form, Modal, Typography } from 'antd';

export interface Field { name: string | (string | number)[]; label: string; required?: boolean; input: ReactNode; checkbox?: boolean; extra?: ReactNode; rules?: object[] }

interface Props {
  open: boolean;
  title: string;
  fields: Field[];
  /** What the confirmation says will happen. */
  confirm: string;
  danger?: boolean;
  pending?: boolean;
  initialValues?: Record<string, unknown>;
  /** Extra form content (lists of items), placed after the fields. */
  children?: ReactNode;
  onSubmit: (values: Record<string, unknown>) => Promise<unknown>;
  onClose: () => void;
  testId?: string;
}

/** Drops empty values so that the server sees only what the person filled in. */
export const filled = (v: Record<string, unknown>) => Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== '' && x !== null));

export function ActionModal({ open, title, fields, confirm, danger, pending, initialValues, children, onSubmit, onClose, testId }: Props) {
  const [form] = Form.useForm();
  const submit = (v: Record<string, unknown>) => Modal.confirm({ title: `确认${title}？`, content: confirm, okText: '确认', cancelText: '取消', okButtonProps: { danger },
    onOk: () => onSubmit(filled(v)).then(() => { form.resetFields(); onClose(); }) });
  return (
    <Modal open={open} title={title} okText="提交" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} confirmLoading={pending} destroyOnHidden data-testid={testId}>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={initialValues} preserve={false}>
        {!fields.length && !children && <Typography.Paragraph>{confirm}</Typography.Paragraph>}
        {fields.map((f) => (
          <Form.Item key={String(f.name)} name={f.name} label={f.label} extra={f.extra} valuePropName={f.checkbox ? 'checked' : 'value'}
            rules={[...(f.required ? [{ required: true, message: `请填写${f.label}` }] : []), ...(f.rules ?? [])]}>{f.input}</Form.Item>
        ))}
        {children}
      </Form>
    </Modal>
  );
}
