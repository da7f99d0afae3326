// Creates or edits an account: name, roles, organisation, data scope, enforcement certificate.
import { Form, Input, Modal, Select } from 'antd';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/mutation';
import type { Account, AccountWithPassword, Scope } from '../../../api/types';
import { OrgSelect } from '../../../components/OrgSelect';
import { ScopeFields } from './ScopeFields';
import { useRoles } from './useRoles';
import { phoneRule } from '../../../components/PersonalValue';

// The form is created anew for each opening and each record (destroyOnHidden, key), so it starts from initialValues.
const FORM_ID = 'account-form';

/** `null`: closed; `'new'`: create; an Account: edit it. */
export type AccountEdit = Account | 'new' | null;

interface FormValues {
  username: string;
  displayName: string;
  phone?: string;
  roles: string[];
  orgId?: string;
  scope: Omit<Scope, 'label'>;
  enforcementCertNo?: string;
}

/** 执法人员 act on an enforcement certificate (执法证), so their number is required. */
const OFFICER = 'officer';

/** The request body: only the scope field its kind uses, the certificate only for officers, no empty phone. */
function toBody({ username, phone, scope, enforcementCertNo, ...rest }: FormValues, creating: boolean) {
  const { kind } = scope;
  return {
    ...rest,
    ...(creating ? { username } : {}),
    ...(phone ? { phone } : {}),
    scope: {
      kind,
      ...(kind === 'region' ? { regionCode: scope.regionCode } : {}),
      ...(kind === 'org' ? { orgId: scope.orgId } : {}),
      ...(kind === 'enterprise' ? { enterpriseId: scope.enterpriseId } : {}),
    },
    ...(rest.roles.includes(OFFICER) ? { enforcementCertNo } : {}),
  };
}

/** 执法证号: shown, and required, when the roles include 执法人员. */
function CertificateField() {
  const roles: string[] | undefined = Form.useWatch('roles');
  if (!roles?.includes(OFFICER)) return null;
  return (
    <Form.Item name="enforcementCertNo" label="执法证号" extra="执法人员必须持证，文书上将显示此证号。"
      rules={[{ required: true, whitespace: true, message: '执法人员须填写执法证号' }, { min: 4, max: 30, message: '执法证号为 4–30 位' }]}>
      <Input />
    </Form.Item>
  );
}

function initialValues(account: Account | null): Partial<FormValues> {
  if (!account) return { roles: [], scope: { kind: 'region' } };
  const { label: _label, ...scope } = account.scope;
  return {
    displayName: account.displayName,
    phone: account.phone ?? undefined,
    roles: account.roles,
    orgId: account.orgId ?? undefined,
    scope,
    enforcementCertNo: account.enforcementCertNo ?? undefined,
  };
}

interface Props {
  edit: AccountEdit;
  onClose: () => void;
  onCreated: (result: AccountWithPassword) => void;
}

export function AccountFormModal({ edit, onClose, onCreated }: Props) {
  const roles = useRoles();
  const account = edit && edit !== 'new' ? edit : null;
  const save = useApiMutation<FormValues, Account | AccountWithPassword>(
    (values) => (account
      ? api.patch<Account>(`/api/accounts/${account.id}`, toBody(values, false))
      : api.post<AccountWithPassword>('/api/accounts', toBody(values, true))),
    {
      success: account ? '已保存' : undefined,
      invalidate: ['/api/accounts'],
      onSuccess: (result) => {
        onClose();
        if ('initialPassword' in result) onCreated(result);
      },
    },
  );

  return (
    <Modal open={!!edit} title={account ? `编辑账号「${account.username}」` : '新建账号'} onCancel={onClose}
      okButtonProps={{ htmlType: 'submit', form: FORM_ID }} confirmLoading={save.isPending} okText="保存" cancelText="取消" destroyOnHidden>
      <Form<FormValues> key={account?.id ?? 'new'} name={FORM_ID} layout="vertical" initialValues={initialValues(account)} onFinish={(values) => save.mutate(values)}>
        {!account && (
          <Form.Item name="username" label="用户名" extra="登录用，创建后不可修改；字母、数字和 _ . @ -"
            rules={[{ required: true, message: '请输入用户名' }, { pattern: /^[A-Za-z0-9_.@-]{2,32}$/, message: '2–32 位字母、数字或 _ . @ -' }]}>
            <Input autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请输入姓名' }, { max: 30 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="phone" label="手机号" rules={[phoneRule(/^1[0-9]{10}$/, '请输入 11 位手机号')]}>
          <Input inputMode="tel" maxLength={11} />
        </Form.Item>
        <Form.Item name="roles" label="角色" rules={[{ required: true, message: '请至少选择一个角色' }, { type: 'array', max: 5 }]}>
          <Select mode="multiple" options={roles.options} placeholder="选择角色" optionRender={(option) => (
            <span>{option.label}<span style={{ color: '#999', marginInlineStart: 8, fontSize: 12 }}>{option.data.title}</span></span>
          )} />
        </Form.Item>
        <CertificateField />
        <Form.Item name="orgId" label="所属单位">
          <OrgSelect placeholder="选择所属单位" />
        </Form.Item>
        <ScopeFields />
      </Form>
    </Modal>
  );
}
