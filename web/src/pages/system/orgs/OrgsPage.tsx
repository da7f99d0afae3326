// 组织机构: the bureau, towns, industry departments, rescue teams… that accounts belong to.
import { useState } from 'react';
import { Button, Space, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/mutation';
import type { Org } from '../../../api/types';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { PagedTable } from '../../../components/list/PagedTable';
import { PageHeader } from '../../../components/PageHeader';
import { StatusTag } from '../../../components/StatusTag';
import { OrgFormModal, type OrgEdit } from './OrgFormModal';
import { ORG_KIND_OPTIONS, ORG_KINDS } from './orgKinds';

export default function OrgsPage() {
  const [edit, setEdit] = useState<OrgEdit>(null);
  const toggle = useApiMutation(
    (org: Org) => api.patch<Org>(`/api/orgs/${org.id}`, { disabled: !org.disabled }),
    { success: (org) => (org.disabled ? `已停用「${org.name}」` : `已启用「${org.name}」`), invalidate: ['/api/orgs'] },
  );

  const columns: TableColumnsType<Org> = [
    { title: '名称', dataIndex: 'name' },
    { title: '简称', dataIndex: 'shortName', render: (v: string | null) => v ?? '—' },
    { title: '类型', dataIndex: 'kind', render: (kind: Org['kind']) => <Tag>{ORG_KINDS[kind]}</Tag> },
    { title: '所在区划', dataIndex: 'regionName', render: (v: string | null, org) => v ?? org.regionCode },
    { title: '联系人', dataIndex: 'contact', render: (v: string | null) => v ?? '—' },
    { title: '联系电话', dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
    { title: '状态', dataIndex: 'disabled', render: (disabled: boolean) => <StatusTag status={disabled ? 'disabled' : 'active'} /> },
    { title: '操作', key: 'action', render: (_, org) => (
      <Space size={0}>
        <Button type="link" size="small" onClick={() => setEdit(org)}>编辑</Button>
        <ConfirmButton type="link" size="small" danger={!org.disabled} loading={toggle.isPending && toggle.variables?.id === org.id}
          confirm={org.disabled ? `确定启用「${org.name}」？` : `确定停用「${org.name}」？`}
          description={org.disabled ? undefined : '停用后，新建或编辑账号、机构时不能再选择该机构；已有账号不受影响。'}
          onConfirm={() => toggle.mutate(org)}>
          {org.disabled ? '启用' : '停用'}
        </ConfirmButton>
      </Space>
    ) },
  ];

  return (
    <>
      <PageHeader title="组织机构" />
      <PagedTable<Org>
        path="/api/orgs"
        rowKey="id"
        columns={columns}
        filters={[
          { kind: 'search', name: 'q', placeholder: '搜索名称或简称' },
          { kind: 'select', name: 'kind', placeholder: '全部类型', options: ORG_KIND_OPTIONS },
        ]}
        toolbar={<Button type="primary" icon={<PlusOutlined />} onClick={() => setEdit('new')}>新建组织机构</Button>}
        emptyText="还没有组织机构。点击右上方“新建组织机构”，先建应急管理局，再建乡镇和行业部门。"
      />
      <OrgFormModal edit={edit} onClose={() => setEdit(null)} />
    </>
  );
}
