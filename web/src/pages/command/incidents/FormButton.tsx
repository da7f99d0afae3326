// A button that opens a small form in a modal and posts it: the one shape of every action on the command view.
import { useState, type ReactNode } from 'react';
import { Button, Form, Modal, type ButtonProps } from 'antd';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/mutation';
import { INCIDENTS } from './incidentApi';

interface Props<V> extends Omit<ButtonProps, 'onClick' | 'title'> {
  label: ReactNode;
  title: string;
  /** POST target. */
  path: string;
  /** Form values → request body. */
  toBody?: (v: V) => unknown;
  initialValues?: Partial<V>;
  success: string;
  children: ReactNode;
  okText?: string;
  /** Query-key prefixes to refresh besides the incidents (e.g. the my-tasks list). */
  invalidate?: string[];
}

export function FormButton<V extends object>({ label, title, path, toBody, initialValues, success, children, okText = '确定', invalidate = [], ...button }: Props<V>) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<V>();
  const run = useApiMutation((v: V) => api.post(path, toBody ? toBody(v) : v), { invalidate: [INCIDENTS, ...invalidate], success, onSuccess: () => setOpen(false) });
  return (
    <>
      <Button {...button} onClick={() => { form.resetFields(); setOpen(true); }}>{label}</Button>
      <Modal open={open} title={title} okText={okText} cancelText="取消" confirmLoading={run.isPending} destroyOnHidden
        onCancel={() => setOpen(false)} onOk={() => form.submit()}>
        <Form<V> form={form} layout="vertical" initialValues={initialValues} onFinish={(v) => run.mutate(v)} preserve={false}>{children}</Form>
      </Modal>
    </>
  );
}

/** A one-click POST (with its own confirmation when asked). */
export function usePost(success: string, invalidate: string[] = []) {
  return useApiMutation(({ path, body }: { path: string; body?: unknown }) => api.post(path, body ?? {}), { invalidate: [INCIDENTS, ...invalidate], success });
}
