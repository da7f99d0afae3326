// Adds a child region or renames one (name and sort order; the code of a region never changes).
import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/mutation';
import type { Region, RegionLevelCode, RegionNode } from '../../../api/types';
import { REGION_LEVELS, REGION_TREE_KEY } from '../../../components/regions';
import { CHILD_LEVELS, CODE_PREFIX } from './regionTree';

export type RegionEdit = { mode: 'create'; parent: RegionNode } | { mode: 'edit'; region: RegionNode };

// The form is created anew for each opening and each record (destroyOnHidden, key), so it starts from initialValues.
const FORM_ID = 'region-form';

interface FormValues { code: string; name: string; level: RegionLevelCode; sort?: number }

export function RegionFormModal({ edit, onClose }: { edit: RegionEdit | null; onClose: () => void }) {
  const save = useApiMutation(
    (values: FormValues) => (edit?.mode === 'edit'
      ? api.patch<Region>(`/api/regions/${edit.region.code}`, { name: values.name, sort: values.sort })
      : api.post<Region>('/api/regions', { ...values, parentCode: edit?.parent.code })),
    { success: edit?.mode === 'edit' ? '已保存' : '已新增', invalidate: [REGION_TREE_KEY, '/api/regions'], onSuccess: onClose },
  );

  const parent = edit?.mode === 'create' ? edit.parent : null;
  const initialValues: Partial<FormValues> = edit?.mode === 'edit'
    ? { name: edit.region.name, sort: edit.region.sort }
    : parent ? { code: parent.code.slice(0, CODE_PREFIX[parent.level]), level: CHILD_LEVELS[parent.level][0] } : {};
  return (
    <Modal open={!!edit} title={parent ? `新增「${parent.name}」的下级区划` : `修改区划「${edit?.mode === 'edit' ? edit.region.name : ''}」`}
      onCancel={onClose} okButtonProps={{ htmlType: 'submit', form: FORM_ID }} confirmLoading={save.isPending} okText="保存" cancelText="取消" destroyOnHidden>
      <Form<FormValues> key={parent ? `child-of-${parent.code}` : edit?.mode === 'edit' ? edit.region.code : ''} name={FORM_ID} layout="vertical" initialValues={initialValues} onFinish={(values) => save.mutate(values)}>
        {parent && (
          <>
            <Form.Item name="level" label="级别" rules={[{ required: true, message: '请选择级别' }]}>
              <Select options={CHILD_LEVELS[parent.level].map((level) => ({ value: level, label: REGION_LEVELS[level] }))} />
            </Form.Item>
            <Form.Item name="code" label="区划代码" extra={`12 位数字，前 ${CODE_PREFIX[parent.level]} 位与上级（${parent.code}）相同`}
              rules={[{ required: true, message: '请输入区划代码' }, { pattern: /^[0-9]{12}$/, message: '区划代码应为 12 位数字' }]}>
              <Input maxLength={12} inputMode="numeric" />
            </Form.Item>
          </>
        )}
        <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请输入名称' }, { max: 50, message: '名称不超过 50 字' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="sort" label="排序" extra="数字小的排在前面">
          <InputNumber min={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
