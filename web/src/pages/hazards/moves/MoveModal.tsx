// One workflow move in a dialog: its form, then a confirmation, then the request; the server's
// refusal (in Chinese) is shown as it is and the dialog stays open to correct.
import { App, Form, Modal } from 'antd';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/mutation';
import { HAZARDS, type HazardDetail } from '../hazardApi';
import type { MoveSpec } from './moveSpecs';

interface Props {
  spec: MoveSpec | null;
  hazard: HazardDetail;
  onClose: () => void;
}

export function MoveModal({ spec, hazard, onClose }: Props) {
  const { modal } = App.useApp();
  const [form] = Form.useForm();
  const move = useApiMutation((body: unknown) => api.post(spec!.path(hazard), body), {
    invalidate: [HAZARDS],
    success: spec?.success,
    onSuccess: onClose,
  });

  function confirm(values: Record<string, unknown>) {
    if (!spec) return;
    const body = spec.toBody(values, hazard);
    modal.confirm({
      title: spec.confirm,
      content: spec.summary?.(values, hazard),
      okText: '确定',
      cancelText: '再看看',
      okButtonProps: { danger: spec.danger },
      onOk: () => move.mutateAsync(body).catch(() => undefined),
    });
  }

  return (
    <Modal open={!!spec} title={spec ? `${spec.title} · ${hazard.number}` : ''} okText={spec?.ok ?? '提交'} cancelText="取消"
      okButtonProps={{ danger: spec?.danger }} confirmLoading={move.isPending} onOk={() => form.submit()}
      onCancel={onClose} destroyOnHidden width={560} centered>
      {spec && (
        <Form form={form} layout="vertical" size="large" onFinish={confirm} initialValues={spec.initial?.(hazard)} preserve={false}>
          {spec.fields(hazard)}
        </Form>
      )}
    </Modal>
  );
}
