// 回避登记: an officer declares a relation (利害关系) with an enterprise; the 双随机 draw never assigns that officer to it,
// and the draw's published exclusions show the reason.
import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Flex, Input, Select, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/mutation';
import { useMe } from '../../../app/session';
import { PageHeader } from '../../../components/PageHeader';
import { formatTime } from '../../../components/format';
import { EnterpriseSelect } from '../../hazards/EnterpriseSelect';
import { ActionModal, type Field } from '../ActionModal';
import { AVOIDANCES, DRAWS, useOfficers, type Avoidance } from '../enforcementApi';

export default function AvoidancesPage() {
  const me = useMe();
  const officers = useOfficers();
  const canWrite = me.permissions.includes('enforcement:write');
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const list = useQuery({ queryKey: [AVOIDANCES], queryFn: () => api.get<Avoidance[]>(AVOIDANCES) });
  const declare = useApiMutation((v: Record<string, unknown>) => api.post<Avoidance>(AVOIDANCES, v), { invalidate: [AVOIDANCES, DRAWS], success: '已登记回避，今后抽取时不再抽到该人员检查该企业' });
  const shown = useMemo(() => (list.data ?? []).filter((a) => !q || a.officerName.includes(q) || a.enterpriseName.includes(q) || a.reason.includes(q)), [list.data, q]);
  const fields: Field[] = [
    { name: 'officerId', label: '执法人员', required: true, input: <Select showSearch optionFilterProp="label" options={(officers.data ?? []).map((o) => ({ value: o.id, label: `${o.name}（${o.certNo}）` }))} /> },
    { name: 'enterpriseId', label: '有利害关系的企业', required: true, input: <EnterpriseSelect /> },
    { name: 'reason', label: '利害关系', required: true, input: <Input.TextArea rows={2} placeholder="如：配偶在该企业任安全管理人员" />, rules: [{ min: 2, message: '至少 2 个字' }] },
  ];
  return (
    <>
      <PageHeader title="回避登记" extra={canWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>登记回避</Button>}>
        执法人员与检查对象有利害关系的，应当回避（行政处罚法第四十三条）。登记后，双随机抽取不会安排该人员检查该企业，抽查公示中列明回避情况。
      </PageHeader>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}><Input.Search allowClear placeholder="执法人员、企业或事由" style={{ width: 260 }} onSearch={setQ} /></Flex>
      <Table<Avoidance> rowKey="id" loading={list.isLoading} dataSource={shown} pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 条` }} scroll={{ x: 'max-content' }}
        locale={{ emptyText: canWrite ? '还没有回避登记。执法人员与企业有利害关系时，点“登记回避”。' : '还没有回避登记。' }}
        columns={[
          { title: '执法人员', dataIndex: 'officerName' },
          { title: '企业', dataIndex: 'enterpriseName' },
          { title: '利害关系', dataIndex: 'reason' },
          { title: '登记时间', dataIndex: 'createdAt', render: formatTime },
        ]} />
      <ActionModal open={open} title="登记回避" fields={fields} confirm="登记后立即用于今后的双随机抽取。" pending={declare.isPending}
        onSubmit={(v) => declare.mutateAsync(v)} onClose={() => setOpen(false)} />
    </>
  );
}
