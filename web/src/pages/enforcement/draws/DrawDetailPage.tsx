// One draw: its seed, pool, officer pool, avoidances and algorithm (so anyone can recompute it), the result per unit
// with the inspection started from it, and the moves: 公示, 重新抽取 (only with a reason, the old draw kept).
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert, Button, Card, Descriptions, Flex, Form, Input, Modal, Space, Table, Tabs, Tag, Typography } from 'antd';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/mutation';
import { useMe } from '../../../app/session';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { FullPageSpin } from '../../../components/FullPageSpin';
import { PageHeader } from '../../../components/PageHeader';
import { formatTime } from '../../../components/format';
import { CHECKLISTS, DRAWS, INSPECTIONS, INSPECTION_STATUSES, RISK_STRATA, paths, sectorLabel, useDraw, type Checklist, type DrawDetail, type InspectionDetail } from '../enforcementApi';
import { DrawStatus } from './DrawsPage';

export default function DrawDetailPage() {
  const { id } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const draw = useDraw(id);
  const [redrawOpen, setRedrawOpen] = useState(false);
  const canWrite = me.permissions.includes('enforcement:write');
  const publish = useApiMutation(() => api.post<DrawDetail>(`${DRAWS}/${id}/publish`), { invalidate: [DRAWS], success: '已公示抽查结果' });
  const redraw = useApiMutation((v: { reason: string; seed?: string }) => api.post<DrawDetail>(`${DRAWS}/${id}/redraw`, { reason: v.reason, seed: v.seed?.trim() || undefined }),
    { invalidate: [DRAWS], success: '已重新抽取，原抽取记录保留可查', onSuccess: (d) => { setRedrawOpen(false); navigate(paths.draw(d.id)); } });
  // The sector's checklist goes with the inspection from the start (the record route needs it).
  const inspect = useApiMutation(async (u: DrawDetail['units'][number]) => {
    const sector = draw.data?.pool.find((p) => p.name === u.name)?.sector;
    const lists = await api.get<Checklist[]>(CHECKLISTS, { sector });
    return api.post<InspectionDetail>(INSPECTIONS, { origin: 'draw', drawId: id, enterpriseId: u.enterpriseId, officerIds: u.officerIds, checklistId: lists[0]?.id, startNow: true });
  },
    { invalidate: [DRAWS, INSPECTIONS], success: '已建立检查任务', onSuccess: (i) => navigate(paths.inspection(i.id)) });

  if (draw.isLoading) return <FullPageSpin />;
  if (!draw.data) return <Alert type="error" showIcon title="无法加载抽查记录" description={draw.error?.message} />;
  const d = draw.data;
  const live = !d.supersededBy;
  const unitOf = (name: string) => d.units.find((u) => u.name === name);

  return (
    <>
      <PageHeader title={<Space wrap>{d.title}<Typography.Text type="secondary">{d.number}</Typography.Text><DrawStatus d={d} /></Space>}
        extra={canWrite && live && (
          <>
            {!d.publishedAt && <ConfirmButton type="primary" confirm="公示抽查结果？" description="公示后种子、名录库和抽取结果在公示页面向社会公开。" onConfirm={() => publish.mutate()} loading={publish.isPending}>公示结果</ConfirmButton>}
            <Button danger onClick={() => setRedrawOpen(true)}>重新抽取</Button>
          </>
        )}>
        {d.matter}
      </PageHeader>
      {d.supersededBy && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="本次抽取已作废" description={<Link to={paths.draw(d.supersededBy)}>查看重新抽取的结果</Link>} />}
      {d.redrawOf && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`重新抽取：${d.redrawReason ?? ''}`} description={<Link to={paths.draw(d.redrawOf)}>查看原抽取记录</Link>} />}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }} items={[
          { label: '随机种子', children: <Typography.Text code copyable data-testid="draw-seed">{d.seed}</Typography.Text> },
          { label: '算法', children: d.algorithm },
          { label: '结果摘要（SHA-256）', children: <Typography.Text code copyable ellipsis style={{ maxWidth: 240 }}>{d.resultHash}</Typography.Text> },
          { label: '名录库', children: `${d.poolSize} 家单位，${d.officerPool.length} 名执法人员` },
          { label: '抽中', children: `${d.selected} 家` },
          { label: '抽取', children: `${formatTime(d.drawnAt)} ${d.drawnByName}` },
          { label: '公示期限', children: d.publishDue },
          { label: '公示时间', children: formatTime(d.publishedAt) },
          { label: '公示页', children: <a href={paths.publicDraw(d.id)} target="_blank" rel="noreferrer">{paths.publicDraw(d.id)}</a> },
        ]} />
      </Card>
      <Tabs items={[
        { key: 'result', label: `抽取结果（${d.result.length}）`, children: (
          <Table rowKey="unit" size="small" pagination={false} dataSource={d.result} scroll={{ x: 'max-content' }} data-testid="draw-result"
            columns={[
              { title: '单位', dataIndex: 'name' },
              { title: '执法人员', dataIndex: 'officers', render: (os: { name: string; certNo: string }[]) => os.map((o) => <Tag key={o.certNo}>{o.name} {o.certNo}</Tag>) },
              { title: '检查', key: 'inspection', render: (_, r) => {
                const u = unitOf(r.name);
                if (u?.inspectionId) return <Link to={paths.inspection(u.inspectionId)}>{INSPECTION_STATUSES[r.inspectionStatus as keyof typeof INSPECTION_STATUSES] ?? '查看检查'}</Link>;
                return canWrite && live && u ? <Button size="small" type="primary" loading={inspect.isPending} onClick={() => inspect.mutate(u)}>开始检查</Button> : '—';
              } },
              { title: '结果', dataIndex: 'outcome', render: (v) => v ?? '—' },
            ]} />
        ) },
        { key: 'pool', label: `名录库（${d.pool.length}）`, children: (
          <Table rowKey="code" size="small" dataSource={d.pool} scroll={{ x: 'max-content' }} pagination={{ pageSize: 50, showTotal: (t) => `共 ${t} 家` }}
            columns={[{ title: '序号', render: (_, __, i) => i + 1 }, { title: '代码', dataIndex: 'code' }, { title: '单位', dataIndex: 'name' }, { title: '区域', dataIndex: 'regionCode' },
              { title: '行业', dataIndex: 'sector', render: (v) => sectorLabel(v) ?? v }, { title: '风险', dataIndex: 'riskLevel', render: (v) => RISK_STRATA[(v ?? 'none') as keyof typeof RISK_STRATA] }]} />
        ) },
        { key: 'officers', label: `执法人员库（${d.officerPool.length}）`, children: (
          <Table rowKey="certNo" size="small" pagination={false} dataSource={d.officerPool} columns={[{ title: '姓名', dataIndex: 'name' }, { title: '执法证号', dataIndex: 'certNo' }]} />
        ) },
        { key: 'exclusions', label: `回避（${d.exclusions.length}）`, children: (
          <Table rowKey={(r) => `${r.unit}-${r.officer}`} size="small" pagination={false} dataSource={d.exclusions}
            columns={[{ title: '单位', dataIndex: 'unit' }, { title: '执法人员', dataIndex: 'officer' }, { title: '回避理由', dataIndex: 'reason' }]} />
        ) },
        { key: 'algorithm', label: '算法说明', children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{d.algorithmText}</Typography.Paragraph> },
      ]} />
      <Modal open={redrawOpen} title="重新抽取" okText="重新抽取" okButtonProps={{ danger: true }} cancelText="取消" onCancel={() => setRedrawOpen(false)} destroyOnHidden
        confirmLoading={redraw.isPending} onOk={() => document.getElementById('redraw-form-submit')?.click()}>
        <Flex vertical gap={12}>
          <Alert type="warning" showIcon title="重新抽取会留下记录" description="原抽取结果不删除，本次作废并注明理由；理由随新结果一起公示。" />
          <Form layout="vertical" onFinish={(v) => redraw.mutate(v)}>
            <Form.Item name="reason" label="重新抽取理由" rules={[{ required: true, min: 4, message: '请说明理由（至少 4 个字）' }]}><Input.TextArea rows={3} /></Form.Item>
            <Form.Item name="seed" label="新的随机种子（可不填）"><Input /></Form.Item>
            <button id="redraw-form-submit" type="submit" hidden />
          </Form>
        </Flex>
      </Modal>
    </>
  );
}
