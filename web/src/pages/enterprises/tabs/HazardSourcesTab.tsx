// 重大危险源: the enterprise's production and storage units with the chemicals they hold, each
// identified and graded by the platform (GB 18218-2018) with the working shown.
import { useState } from 'react';
import { Alert, Button, Card, Collapse, Empty, Flex, Space, Spin, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/mutation';
import type { EnterpriseTabProps } from '../../../app/enterprise-tabs';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { useEnterpriseAccess } from '../access';
import { PATHS, useHazardSources, type HazardSource } from '../api';
import { HAZARD_UNIT_KINDS, labelOf } from '../codes';
import { GradeTag, HazardEvaluationView } from './HazardEvaluationView';
import { HazardSourceFormModal, type HazardSourceEdit } from './HazardSourceFormModal';

interface CardProps { source: HazardSource; onEdit: (() => void) | null; onDelete: (() => void) | null }

function SourceCard({ source: s, onEdit, onDelete }: CardProps) {
  return (
    <Card size="small" data-testid="hazard-source"
      title={<Space wrap size={[8, 4]}><span>{s.name}</span><Tag>{labelOf(HAZARD_UNIT_KINDS, s.unitKind)}</Tag><GradeTag evaluation={s.evaluation} /></Space>}
      extra={<Flex gap={4}>
        {onEdit && <Button type="link" size="small" onClick={onEdit}>修改</Button>}
        {onDelete && <ConfirmButton type="link" size="small" danger confirm={`确定删除“${s.name}”？`} okText="删除" onConfirm={onDelete}>删除</ConfirmButton>}
      </Flex>}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {[s.recordNo ? `备案编号 ${s.recordNo}` : '未备案', `厂区边界外 500 米内常住人口 ${s.peopleExposed} 人`, s.note].filter(Boolean).join('；')}
      </Typography.Paragraph>
      <Collapse size="small" defaultActiveKey={['working']} items={[
        { key: 'working', label: `S = ${+s.evaluation.s.toFixed(4)}${s.evaluation.r === null ? '' : `，R = ${+s.evaluation.r.toFixed(4)}`}，查看危险化学品和计算过程`,
          children: <HazardEvaluationView evaluation={s.evaluation} /> },
      ]} />
    </Card>
  );
}

export default function HazardSourcesTab({ enterpriseId }: EnterpriseTabProps) {
  const sources = useHazardSources(enterpriseId);
  const can = useEnterpriseAccess(enterpriseId);
  const [edit, setEdit] = useState<HazardSourceEdit>(null);
  const remove = useApiMutation((s: HazardSource) => api.del(PATHS.hazardSource(s.id)), {
    success: '已删除', invalidate: [PATHS.hazardSources(enterpriseId), PATHS.one(enterpriseId), PATHS.list, PATHS.changes(enterpriseId)],
  });
  const identified = (sources.data ?? []).filter((s) => s.evaluation.identified).length;

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">
          按 GB 18218-2018 由平台计算：S = Σq/Q ≥ 1 构成重大危险源；R = α·Σβq/Q 确定一级至四级。
          {sources.data && sources.data.length > 0 && ` 共 ${sources.data.length} 个单元，其中 ${identified} 个构成重大危险源。`}
        </Typography.Text>
        {can.editHazardSources && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEdit('new')}>登记危险源单元</Button>}
      </Flex>
      {sources.isError && <Alert type="error" showIcon title="重大危险源加载失败" description={sources.error.message} />}
      {sources.isPending && <Spin style={{ display: 'block', padding: 32 }} />}
      {sources.data?.length === 0 && (
        <Empty description={can.editHazardSources
          ? '还没有登记危险化学品生产或储存单元。点击“登记危险源单元”，填写各危险化学品的实际存在量，平台自动辨识和分级。'
          : '该企业没有登记危险化学品生产或储存单元。'} />
      )}
      {sources.data?.map((s) => (
        <SourceCard key={s.id} source={s} onEdit={can.editHazardSources ? () => setEdit(s) : null}
          onDelete={can.editHazardSources ? () => remove.mutate(s) : null} />
      ))}
      <HazardSourceFormModal enterpriseId={enterpriseId} edit={edit} onClose={() => setEdit(null)} />
    </Flex>
  );
}
