// Creates or edits an organisation.
import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/mutation';
import type { Org, OrgKindCode } from '../../../api/types';
import { OrgSelect } from '../../../components/OrgSelect';
import { RegionTreeSelect } from '../../../components/RegionTreeSelect';
import { ORG_KIND_OPTIONS } from './orgKinds';

/** `null`: closed; `'new'`: create; an Org: edit it. */
export type OrgEdit = Org | 'new' | null;

// The form is created anew for each opening and each record (destroyOnHidden, key), so it starts from initialValues.
const FORM_ID = 'org-form';

interface FormValues {
  name: string;
  shortName?: string;
  kind: OrgKindCode;
  parentId?: string | null;
  regionCode: string;
  contact?: string;
  phone?: string;
  sort?: number;
}

export function OrgFormModal({ edit, onClose }: { edit: OrgEdit; onClose: () => void }) {
  const org = edit && edit !== 'new' ? edit : null;
  const save = useApiMutation(
    (values: FormValues) => {
      const body = { ...values, parentId: values.parentId ?? null };
      return org ? api.patch<Org>(`/api/orgs/${org.id}`, body) : api.post<Org>('/api/orgs', body);
    },
    { success: org ? '已保存' : '已创建', invalidate: ['/api/orgs'], onSuccess: onClose },
  );

  const initialValues: Partial<FormValues> = org
    ? {
      name: org.name, shortName: org.shortName ?? undefined, kind: org.kind, parentId: org.parentId,
      regionCode: org.regionCode, contact: org.contact ?? undefined, phone: org.phone ?? undefined, sort: org.sort,
    }
    : { sort: 0 };

  return (
    <Modal open={!!edit} title={org ? `编辑「${org.name}」` : '新建组织机构'} onCancel={onClose}
      okButtonProps={{ htmlType: 'submit', form: FORM_ID }} confirmLoading={save.isPending} okText="保存" cancelText="取消" destroyOnHidden>
      <Form<FormValues> key={org?.id ?? 'new'} name={FORM_ID} layout="vertical" initialValues={initialValues} onFinish={(values) => save.mutate(values)}>
        <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请输入名称' }, { max: 100 }]}>
          <Input placeholder="如：某某县住房和城乡建设局" />
        </Form.Item>
        <Form.Item name="shortName" label="简称" rules={[{ max: 30 }]}>
          <Input placeholder="如：住建局" />
        </Form.Item>
        <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]}>
          <Select options={ORG_KIND_OPTIONS} placeholder="选择类型" />
        </Form.Item>
        <Form.Item name="parentId" label="上级机构">
          <OrgSelect exclude={org?.id} placeholder="无（顶级机构）" />
        </Form.Item>
        <Form.Item name="regionCode" label="所在区划" rules={[{ required: true, message: '请选择所在区划' }]}>
          <RegionTreeSelect />
        </Form.Item>
        <Form.Item name="contact" label="联系人" rules={[{ max: 30 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="phone" label="联系电话" rules={[{ max: 30 }]}>
          <Input inputMode="tel" />
        </Form.Item>
        <Form.Item name="sort" label="排序" extra="数字小的排在前面">
          <InputNumber min={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
