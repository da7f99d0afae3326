// Add a source (法律、法规、规章、标准) to the library; its text is imported on its own page.
import { useNavigate } from 'react-router';
import { Form, Input, Modal, Select } from 'antd';
import { api } from '../../api/client';
import { useApiMutation } from '../../api/mutation';
import { optionsOf, paths, SOURCE_KINDS, SOURCES, type SourceDetail } from './lawApi';

export function SourceForm({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm();
  const navigate = useNavigate();
  const save = useApiMutation((v: Record<string, string>) => api.post<SourceDetail>(SOURCES, v), {
    success: '已新增，请导入条文', invalidate: [SOURCES], onSuccess: (s) => { onClose(); navigate(paths.source(s.id)); },
  });
  return (
    <Modal title="新增法规标准" open={open} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okText="保存" destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} initialValues={{ kind: 'law' }}>
        <Form.Item name="kind" label="类别" rules={[{ required: true }]}><Select options={optionsOf(SOURCE_KINDS)} /></Form.Item>
        <Form.Item name="title" label="名称" rules={[{ required: true, message: '请填写名称' }]}><Input placeholder="如：中华人民共和国安全生产法" /></Form.Item>
        <Form.Item name="shortTitle" label="简称"><Input placeholder="如：安全生产法" /></Form.Item>
        <Form.Item name="docNumber" label="文号或标准号"><Input placeholder="如：应急管理部令第18号、GB 30871-2022" /></Form.Item>
        <Form.Item name="issuer" label="制定机关"><Input /></Form.Item>
      </Form>
    </Modal>
  );
}
