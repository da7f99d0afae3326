// The risk points (风险点) list with their grade and working, and 登记/编辑/删除 for those who may;
// used by 风险分级 and by the enterprise page's 风险点 tab.
import { useState } from 'react';
import { Button, Flex, Grid, Space, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api } from '../../api/client';
import { useApiMutation } from '../../api/mutation';
import { useMe } from '../../app/session';
import { ConfirmButton } from '../../components/ConfirmButton';
import { formatTime } from '../../components/format';
import type { FilterDef } from '../../components/list/FilterBar';
import { PagedTable } from '../../components/list/PagedTable';
import { optionsOf, RISK_LEVELS } from '../hazards/codes';
import { useTownOptions } from '../hazards/hazardFilters';
import { RISK_POINTS, type RiskPoint } from '../hazards/hazardApi';
import { RiskTag } from '../hazards/HazardTags';
import { RiskPointFormModal, type RiskPointEdit } from './RiskPointFormModal';


export function RiskPointList({ enterpriseId }: { enterpriseId?: string }) {
  const me = useMe();
  const phone = Grid.useBreakpoint().md === false;
  const canWrite = me.permissions.includes('hazard:write');
  const [edit, setEdit] = useState<RiskPointEdit>(null);
  const remove = useApiMutation((r: RiskPoint) => api.del(`${RISK_POINTS}/${r.id}`), { invalidate: [RISK_POINTS], success: '已删除' });
  const towns = useTownOptions();
  const filters: FilterDef[] = [
    { kind: 'search', name: 'q', placeholder: enterpriseId ? '风险点或部位' : '风险点、企业或地点' },
    { kind: 'select', name: 'level', placeholder: '全部等级', options: optionsOf(RISK_LEVELS), width: 130 },
    ...(!enterpriseId && towns.length > 1 ? [{ kind: 'select', name: 'regionCode', placeholder: '全部乡镇/园区', options: towns, width: 160 } as const] : []),
  ];
  const where = (r: RiskPoint) => [r.enterpriseName, r.placeName].filter(Boolean).join(' · ') || '—';

  const actions = (r: RiskPoint) => canWrite && (
    <Space size={0}>
      <Button type="link" size="small" onClick={() => setEdit(r)}>编辑</Button>
      <ConfirmButton type="link" size="small" danger confirm={`确定删除风险点「${r.name}」？`} description="企业的风险等级将按其余风险点重新确定。"
        onConfirm={() => remove.mutate(r)}>删除</ConfirmButton>
    </Space>
  );

  const columns: TableColumnsType<RiskPoint> = phone ? [{ key: 'card', title: '风险点', render: (_, r) => (
    <Flex vertical gap={4}>
      <Flex gap={8} align="center" wrap><Typography.Text strong>{r.name}</Typography.Text><RiskTag level={r.level} /></Flex>
      {!enterpriseId && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{where(r)}</Typography.Text>}
      <Typography.Text style={{ fontSize: 13 }}>{r.hazardDesc}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.working}</Typography.Text>
      {actions(r)}
    </Flex>
  ) }] : [
    { title: '风险点', dataIndex: 'name' },
    ...(enterpriseId ? [] : [{ title: '企业 / 地点', key: 'where', render: (_: unknown, r: RiskPoint) => where(r) }]),
    { title: '危险因素', dataIndex: 'hazardDesc', ellipsis: true, width: 260 },
    { title: '等级', dataIndex: 'level', render: (l: RiskPoint['level']) => <RiskTag level={l} /> },
    { title: '评价', key: 'working', render: (_, r) => <Typography.Text>{r.working}</Typography.Text> },
    { title: '管控责任', key: 'responsible', render: (_, r) => r.responsible.map((x) => `${x.level} ${x.person}`).join('；') || '—' },
    { title: '更新时间', dataIndex: 'updatedAt', render: formatTime },
    ...(canWrite ? [{ title: '操作', key: 'action', render: (_: unknown, r: RiskPoint) => actions(r) }] : []),
  ];

  return (
    <>
      <PagedTable<RiskPoint> path={RISK_POINTS} rowKey="id" columns={columns} filters={filters} params={enterpriseId ? { enterpriseId } : undefined}
        toolbar={canWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEdit('new')}>登记风险点</Button>}
        emptyText={canWrite ? '还没有风险点。点击“登记风险点”，用 LEC 或 LS 法评价并自动分级。' : '还没有风险点。'} />
      <RiskPointFormModal edit={edit} enterpriseId={enterpriseId} onClose={() => setEdit(null)} />
    </>
  );
}
