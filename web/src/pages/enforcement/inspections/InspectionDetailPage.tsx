// One inspection, laid out for a phone on site: the unit and the two (or more) officers with their 执法证号, the moves
// (开始检查 → 检查表 / 记录问题 → 完成检查), the findings as hazards, and the documents (责令限期整改指令书…).
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert, Button, Card, Descriptions, Flex, List, Modal, Space, Tag, Typography } from 'antd';
import { CameraOutlined, CheckOutlined, FileTextOutlined } from '@ant-design/icons';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/mutation';
import { useMe } from '../../../app/session';
import { FullPageSpin } from '../../../components/FullPageSpin';
import { PageHeader } from '../../../components/PageHeader';
import { formatTime } from '../../../components/format';
import { hazardPath } from '../../hazards/hazardApi';
import { PhotoStrip } from '../../hazards/PhotoUpload';
import { DocumentLinks } from '../DocumentLinks';
import { EnfTag } from '../EnfTag';
import { INSPECTIONS, INSPECTION_ORIGINS, paths, useInspection } from '../enforcementApi';
import { MeasuresCard } from '../measures/MeasuresCard';
import { ProposedViolationsCard, type PickedViolation } from '../../law/ProposedViolationsCard';
import { ChecklistCard, CompleteModal, FileCaseModal, FindingModal, RectifyOrderModal } from './InspectionParts';

export default function InspectionDetailPage() {
  const { id } = useParams();
  const me = useMe();
  const query = useInspection(id);
  const [modal, setModal] = useState<'finding' | 'complete' | 'order' | 'case'>();
  const [violation, setViolation] = useState<PickedViolation>();
  const navigate = useNavigate();
  const start = useApiMutation(() => api.post(`${INSPECTIONS}/${id}/start`), { invalidate: [INSPECTIONS], success: '已开始现场检查' });
  if (query.isLoading) return <FullPageSpin />;
  if (!query.data) return <Alert type="error" showIcon title="无法加载检查记录" description={query.error?.message} />;
  const i = query.data;
  const canWrite = me.permissions.includes('enforcement:write');
  const onSite = i.status === 'on_site';
  const can = (move: string) => canWrite && i.allowedMoves.includes(move);

  return (
    <>
      <PageHeader title={<Space wrap>{i.unitName}<EnfTag of="inspection" status={i.status} /></Space>}>
        {i.number} · {INSPECTION_ORIGINS[i.origin as keyof typeof INSPECTION_ORIGINS] ?? i.origin}
        {i.drawId && <> · <Link to={paths.draw(i.drawId)}>查看抽查</Link></>}
        {i.tipoffId && <> · <Link to={`${paths.tipoffs}/${i.tipoffId}`}>查看举报</Link></>}
      </PageHeader>
      <Flex vertical gap={12} style={{ maxWidth: 820 }}>
        <Card size="small" title="执法人员" data-testid="inspection-officers">
          <Flex vertical gap={4}>
            {i.officers.map((o) => <div key={o.id}><Typography.Text strong>{o.name}</Typography.Text> <Tag>执法证号 {o.certNo}</Tag></div>)}
          </Flex>
        </Card>
        <Card size="small">
          <Descriptions size="small" column={{ xs: 1, md: 2 }} items={[
            { label: '地址', children: i.unitAddress ?? '—' },
            { label: '统一社会信用代码', children: i.unitCreditCode ?? '—' },
            { label: '计划日期', children: i.plannedOn ?? '—' },
            { label: '开始', children: formatTime(i.startedAt) },
            { label: '结束', children: formatTime(i.endedAt) },
            ...(i.signerName ? [{ label: '签名人', children: i.signerName }] : []),
            ...(i.refusalNote ? [{ label: '拒签情况', children: i.refusalNote }] : []),
            ...(i.summary ? [{ label: '检查情况', children: i.summary }] : []),
          ]} />
        </Card>
        {canWrite && (
          <Flex vertical gap={8} data-testid="inspection-actions">
            {can('start') && <Button type="primary" size="large" block onClick={() => Modal.confirm({ title: '开始现场检查？', content: '请向被检查单位出示执法证件。', okText: '开始', cancelText: '取消', onOk: () => start.mutateAsync(undefined) })}>开始现场检查</Button>}
            {onSite && <Button size="large" block icon={<CameraOutlined />} onClick={() => setModal('finding')}>记录问题（转为隐患）</Button>}
            {can('complete') && <Button type="primary" size="large" block icon={<CheckOutlined />} onClick={() => setModal('complete')}>完成检查</Button>}
            {i.status === 'completed' && <Button size="large" block icon={<FileTextOutlined />} onClick={() => setModal('order')}>开具责令限期整改指令书</Button>}
            {i.status === 'completed' && <Button size="large" block onClick={() => { setViolation(undefined); setModal('case'); }}>申请立案</Button>}
          </Flex>
        )}
        <ChecklistCard i={i} editable={onSite && canWrite} />
        <Card size="small" title={`发现的问题（${i.findings.length}）`} data-testid="findings">
          <List size="small" dataSource={i.findings} locale={{ emptyText: onSite ? '现场发现问题时点“记录问题”，拍照保存后即转为隐患。' : '未发现问题' }}
            renderItem={(f) => (
              <List.Item>
                <Flex vertical>
                  <span>{f.level === 'major' && <Tag color="error">重大</Tag>}{f.title}</span>
                  <Link to={hazardPath(f.hazardId)}>隐患 {f.hazardNumber}</Link>
                </Flex>
              </List.Item>
            )} />
          <PhotoStrip ids={i.photos} />
        </Card>
        <ProposedViolationsCard inspectionId={i.id} onFileCase={canWrite && i.status === 'completed' ? (v) => { setViolation(v); setModal('case'); } : undefined} />
        <MeasuresCard inspectionId={i.id} canWrite={canWrite && i.status !== 'cancelled'} />
        <Card size="small" title="执法文书"><DocumentLinks docs={i.documents} /></Card>
      </Flex>
      <FindingModal i={i} open={modal === 'finding'} onClose={() => setModal(undefined)} />
      <CompleteModal i={i} open={modal === 'complete'} onClose={() => setModal(undefined)} />
      <RectifyOrderModal i={i} open={modal === 'order'} onClose={() => setModal(undefined)} />
      <FileCaseModal i={i} violation={violation} open={modal === 'case'} onClose={() => setModal(undefined)} onFiled={(caseId) => navigate(paths.case(caseId))} />
    </>
  );
}
