// 证照: the enterprise's licences and certificates, coloured by how soon they expire.
import { useState } from 'react';
import { Alert, Button, Empty, Flex, Table, Typography, type TableColumnsType } from 'antd';
import { PaperClipOutlined, PlusOutlined } from '@ant-design/icons';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/mutation';
import type { EnterpriseTabProps } from '../../../app/enterprise-tabs';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { useEnterpriseAccess } from '../access';
import { PATHS, useLicences, type Licence } from '../api';
import { labelOf, LICENCE_KINDS } from '../codes';
import { ExpiryTag } from '../EnterpriseTags';
import { LicenceFormModal, type LicenceEdit } from './LicenceFormModal';

export default function LicencesTab({ enterpriseId }: EnterpriseTabProps) {
  const licences = useLicences(enterpriseId);
  const can = useEnterpriseAccess(enterpriseId);
  const [edit, setEdit] = useState<LicenceEdit>(null);
  const remove = useApiMutation((l: Licence) => api.del(PATHS.licence(l.id)), {
    success: '证照已删除', invalidate: [PATHS.licences(enterpriseId), PATHS.one(enterpriseId), PATHS.list, PATHS.changes(enterpriseId)],
  });
  const expired = (licences.data ?? []).filter((l) => l.daysLeft !== null && l.daysLeft < 0).length;

  const columns: TableColumnsType<Licence> = [
    { title: '证照类型', dataIndex: 'kind', render: (k: string) => labelOf(LICENCE_KINDS, k) || k },
    { title: '证照编号', dataIndex: 'number' },
    { title: '发证机关', dataIndex: 'issuer', render: (v: string | null) => v ?? '—' },
    { title: '发证日期', dataIndex: 'issuedOn', render: (v: string | null) => v ?? '—' },
    { title: '有效期至', key: 'expires', render: (_, l) => (
      <Flex gap={4} wrap align="center"><span>{l.expiresOn ?? '—'}</span><ExpiryTag expiresOn={l.expiresOn} daysLeft={l.daysLeft} /></Flex>
    ) },
    { title: '备注', dataIndex: 'note', render: (v: string | null) => v ?? '—' },
    { title: '附件', dataIndex: 'fileId', render: (id: string | null) => id
      ? <a href={`/api/files/${id}/content`}><PaperClipOutlined /> 查看</a> : '—' },
    ...(can.editLicences ? [{ title: '操作', key: 'action', render: (_: unknown, l: Licence) => (
      <Flex gap={4}>
        <Button type="link" size="small" onClick={() => setEdit(l)}>修改</Button>
        <ConfirmButton type="link" size="small" danger confirm="确定删除该证照？" description="删除后不再提醒到期，变更记录中会保留。"
          okText="删除" onConfirm={() => remove.mutate(l)}>删除</ConfirmButton>
      </Flex>
    ) }] : []),
  ];

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">到期前 90、30、7 天，系统会提醒企业和行业主管部门。</Typography.Text>
        {can.editLicences && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEdit('new')}>登记证照</Button>}
      </Flex>
      {expired > 0 && <Alert type="error" showIcon title={`有 ${expired} 个证照已过期，${can.own ? '请尽快办理延续并更新证照信息' : '请督促企业及时办理延续'}。`} />}
      {licences.isError && <Alert type="error" showIcon title="证照加载失败" description={licences.error.message} />}
      <Table<Licence> rowKey="id" columns={columns} dataSource={licences.data} loading={licences.isPending}
        pagination={false} scroll={{ x: 'max-content' }} size="middle"
        locale={{ emptyText: <Empty description={can.editLicences
          ? '还没有登记证照。点击“登记证照”录入安全生产许可证、经营许可证等，到期前会自动提醒。'
          : '还没有登记证照。'} /> }} />
      <LicenceFormModal enterpriseId={enterpriseId} edit={edit} onClose={() => setEdit(null)} />
    </Flex>
  );
}
