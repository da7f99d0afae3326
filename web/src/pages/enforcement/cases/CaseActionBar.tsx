// The workflow action bar of a case: one button per move the server allows now; each opens its form and asks
// for confirmation before it posts.
import { useState } from 'react';
import { Button, Flex, Form, Modal, Typography } from 'antd';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/mutation';
import { CASES, DOCUMENTS, type CaseDetail } from '../enforcementApi';
import { CASE_ACTIONS, type CaseAction } from './caseActions';

export function CaseActionBar({ c }: { c: CaseDetail }) {
  const [action, setAction] = useState<CaseAction>();
  const [form] = Form.useForm();
  const run = useApiMutation((v: Record<string, unknown>) => api.post<CaseDetail>(`${CASES}/${c.id}/${action!.path}`, action!.body ? action!.body(v) : v),
    { invalidate: [CASES, DOCUMENTS], success: () => `已${action?.label}`, onSuccess: () => { setAction(undefined); form.resetFields(); } });
  const actions = c.allowedMoves.map((m) => CASE_ACTIONS[m]).filter(Boolean);
  if (!actions.length) return null;
  const submit = (v: Record<string, unknown>) => Modal.confirm({ title: `确认${action!.label}？`, content: action!.confirm, okText: '确认', cancelText: '取消',
    okButtonProps: { danger: action!.danger }, onOk: () => run.mutateAsync(Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== ''))) });
  return (
    <>
      <Flex wrap gap={8} data-testid="case-actions">
        {actions.map((a) => <Button key={a.path} type={a.primary ? 'primary' : 'default'} danger={a.danger} onClick={() => setAction(a)}>{a.label}</Button>)}
      </Flex>
      <Modal open={!!action} title={action?.label} okText="提交" cancelText="取消" onCancel={() => setAction(undefined)} onOk={() => form.submit()} confirmLoading={run.isPending} destroyOnHidden>
        {action && (
          <Form form={form} layout="vertical" onFinish={submit}>
            {!action.fields.length && <Typography.Paragraph>{action.confirm}</Typography.Paragraph>}
            {action.fields.map((f) => (
              <Form.Item key={f.name} name={f.name} label={f.label} rules={f.required ? [{ required: true, message: `请填写${f.label}` }] : undefined}
                valuePropName={f.name === 'waived' ? 'checked' : 'value'}>{f.input}</Form.Item>
            ))}
          </Form>
        )}
      </Modal>
    </>
  );
}
