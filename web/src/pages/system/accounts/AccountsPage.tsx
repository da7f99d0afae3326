// 账号管理: who may sign in, with which roles and data scope; passwords, locks and sessions.
import { useState } from 'react';
import { Button, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Account } from '../../../api/types';
import { formatTime } from '../../../components/format';
import { PagedTable } from '../../../components/list/PagedTable';
import { PageHeader } from '../../../components/PageHeader';
import { StatusTag } from '../../../components/StatusTag';
import { AccountActions } from './AccountActions';
import { AccountFormModal, type AccountEdit } from './AccountFormModal';
import { AccountSessionsDrawer } from './AccountSessionsDrawer';
import { InitialPasswordModal, type IssuedPassword } from './InitialPasswordModal';
import { useRoles } from './useRoles';

const STATUS_OPTIONS = [
  { value: 'active', label: '正常' },
  { value: 'disabled', label: '已禁用' },
  { value: 'locked', label: '已锁定' },
];

export default function AccountsPage() {
  const roles = useRoles();
  const [edit, setEdit] = useState<AccountEdit>(null);
  const [sessionsOf, setSessionsOf] = useState<Account | null>(null);
  const [issued, setIssued] = useState<IssuedPassword | null>(null);

  const columns: TableColumnsType<Account> = [
    { title: '用户名', dataIndex: 'username' },
    { title: '姓名', dataIndex: 'displayName' },
    { title: '角色', key: 'roles', render: (_, a) => (
      <>
        {a.roles.map((code) => <Tag key={code}>{roles.nameOf(code)}</Tag>)}
        {a.enforcementCertNo && <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>执法证 {a.enforcementCertNo}</Typography.Text></div>}
      </>
    ) },
    { title: '所属单位 / 数据范围', key: 'org', render: (_, a) => (
      <>
        <div>{a.orgName ?? '—'}</div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>数据范围：{a.scope.label}</Typography.Text>
      </>
    ) },
    { title: '状态', key: 'status', render: (_, a) => (
      <Space size={4} wrap>
        <StatusTag status={a.disabled ? 'disabled' : a.locked ? 'locked' : 'active'} />
        {a.mustChangePassword && <StatusTag status="mustChangePassword" />}
      </Space>
    ) },
    { title: '最近登录', dataIndex: 'lastLoginAt', render: (v: string | null) => (v ? formatTime(v) : <Typography.Text type="secondary">从未登录</Typography.Text>) },
    { title: '操作', key: 'action', render: (_, a) => (
      <AccountActions account={a} onEdit={() => setEdit(a)} onSessions={() => setSessionsOf(a)}
        onPasswordReset={(result) => setIssued({ ...result, reason: 'reset' })} />
    ) },
  ];

  return (
    <>
      <PageHeader title="账号管理" />
      <PagedTable<Account>
        path="/api/accounts"
        rowKey="id"
        columns={columns}
        filters={[
          { kind: 'search', name: 'q', placeholder: '搜索用户名或姓名' },
          { kind: 'select', name: 'role', placeholder: '全部角色', options: roles.options },
          { kind: 'select', name: 'status', placeholder: '全部状态', options: STATUS_OPTIONS, width: 120 },
        ]}
        toolbar={<Button type="primary" icon={<PlusOutlined />} onClick={() => setEdit('new')}>新建账号</Button>}
        emptyText="还没有账号。点击右上方“新建账号”，为局机关、乡镇、部门和企业的人员开通账号。"
      />
      <AccountFormModal edit={edit} onClose={() => setEdit(null)} onCreated={(result) => setIssued({ ...result, reason: 'created' })} />
      <AccountSessionsDrawer account={sessionsOf} onClose={() => setSessionsOf(null)} />
      <InitialPasswordModal issued={issued} onClose={() => setIssued(null)} />
    </>
  );
}
