// 预案详情: the published version's structure by level, the organisation, the original document, the versions (with
// compare), drills (with the overdue warning) and, for enterprise plans, filing (报备 / 备案审查).
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Descriptions, Empty, Flex, Form, Input, InputNumber, Modal, Select, Space, Table, Tabs, Tag } from 'antd';
import dayjs from 'dayjs';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/mutation';
import { FullPageSpin } from '../../../components/FullPageSpin';
import { PageHeader } from '../../../components/PageHeader';
import { formatTime } from '../../../components/format';
import { LevelsView, OrganisationView, kindsText } from './PlanStructure';
import { DocumentView } from './DocumentView';
import { DRILL_KINDS, FILING_STATUSES, PLAN_KINDS, PLANS, VERSION_STATUSES, VERSIONS, labelOf, optionsOf, paths, type PlanDetail, type PlanVersion } from './plansApi';

function DrillModal({ planId, open, onClose }: { planId: string; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm();
  const save = useApiMutation((v: Record<string, unknown>) => api.post<PlanDetail>(`${PLANS}/${planId}/drills`, v), { invalidate: [PLANS], success: '已登记演练', onSuccess: () => { form.resetFields(); onClose(); } });
  return (
    <Modal open={open} title="登记演练" okText="登记" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ kind: 'tabletop', participants: 20 }}
        onFinish={(v) => save.mutate({ ...v, drilledOn: (v.drilledOn as dayjs.Dayjs).format('YYYY-MM-DD') })}>
        <Form.Item name="title" label="演练名称" rules={[{ required: true, min: 2 }]}><Input /></Form.Item>
        <Form.Item name="drilledOn" label="演练日期" rules={[{ required: true }]}><DatePicker disabledDate={(d) => d.isAfter(dayjs())} /></Form.Item>
        <Form.Item name="kind" label="形式"><Select options={optionsOf(DRILL_KINDS)} /></Form.Item>
        <Form.Item name="participants" label="参演人数"><InputNumber min={0} /></Form.Item>
        <Form.Item name="participantUnits" label="参演单位"><Input /></Form.Item>
        <Form.Item name="evaluation" label="演练评估"><Input.TextArea rows={2} /></Form.Item>
        <Form.Item name="problems" label="发现的问题"><Input.TextArea rows={2} /></Form.Item>
      </Form>
    </Modal>
  );
}

function FilingPanel({ plan }: { plan: PlanDetail }) {
  const [review, setReview] = useState<'filed' | 'returned'>();
  const [comment, setComment] = useState('');
  const submit = useApiMutation(() => api.post<PlanDetail>(`${PLANS}/${plan.id}/filing`), { invalidate: [PLANS], success: '已报备，等待应急管理局审查' });
  const decide = useApiMutation(() => api.post<PlanDetail>(`${PLANS}/${plan.id}/filing/review`, { result: review, comment }), { invalidate: [PLANS], success: (p) => (p.filingStatus === 'filed' ? `已备案：${p.filingNumber}` : '已退回'), onSuccess: () => setReview(undefined) });
  return (
    <Flex vertical gap={12}>
      <Descriptions size="small" bordered column={1} items={[
        { label: '备案状态', children: plan.filingStatus ? labelOf(FILING_STATUSES, plan.filingStatus) : '未报备' },
        { label: '备案编号', children: plan.filingNumber ?? '—' },
        { label: '备案日期', children: plan.filedOn ?? '—' },
        { label: '审查意见', children: plan.filingReview ?? '—' },
        { label: '修订期限', children: plan.revisionDue ? `${plan.revisionDue}${plan.revisionDaysLeft !== null ? (plan.revisionDaysLeft < 0 ? `（已逾期 ${-plan.revisionDaysLeft} 天）` : `（还有 ${plan.revisionDaysLeft} 天）`) : ''}` : '—' },
      ]} />
      <Space wrap>
        {plan.canWrite && plan.filingStatus !== 'submitted' && (
          <Button type="primary" disabled={!plan.publishedVersionId} onClick={() => Modal.confirm({ title: '确认向应急管理局报备现行版本？', okText: '报备', cancelText: '取消', onOk: () => submit.mutateAsync(undefined) })}>报备</Button>
        )}
        {plan.canReviewFiling && plan.filingStatus === 'submitted' && <>
          <Button type="primary" onClick={() => setReview('filed')}>予以备案</Button>
          <Button danger onClick={() => setReview('returned')}>退回</Button>
        </>}
      </Space>
      {!plan.publishedVersionId && <Alert type="info" showIcon title="预案审批发布后才能报备" />}
      <Modal open={!!review} title={review === 'filed' ? '予以备案' : '退回备案'} okText="确认" cancelText="取消" onCancel={() => setReview(undefined)} onOk={() => decide.mutate(undefined)} confirmLoading={decide.isPending}>
        <Input.TextArea rows={3} value={comment} onChange={(e) => setComment(e.target.value)} placeholder={review === 'filed' ? '审查意见（可选）' : '请写明退回原因'} />
      </Modal>
    </Flex>
  );
}

export default function PlanDetailPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const [drilling, setDrilling] = useState(false);
  const [compare, setCompare] = useState<string[]>([]);
  const q = useQuery({ queryKey: [PLANS, id], queryFn: () => api.get<PlanDetail>(`${PLANS}/${id}`) });
  const shownId = q.data?.publishedVersionId ?? q.data?.versions[0]?.id;
  const v = useQuery({ queryKey: [VERSIONS, shownId], enabled: !!shownId, queryFn: () => api.get<PlanVersion>(`${VERSIONS}/${shownId}`) });
  const newVersion = useApiMutation(() => api.post<PlanVersion>(`${PLANS}/${id}/versions`, { label: `${dayjs().year()}修订版` }), { invalidate: [PLANS], success: '已建立修订版本', onSuccess: (x) => navigate(paths.version(x.id)) });
  if (q.isError) return <Alert type="error" showIcon title={q.error.message} />;
  if (!q.data) return <FullPageSpin />;
  const p = q.data;
  const content = v.data?.content;
  return (
    <>
      <PageHeader title={p.title} extra={<>
        <Button onClick={() => navigate(paths.list)}>返回列表</Button>
        {p.canWrite && (p.openVersionId
          ? <Button type="primary" onClick={() => navigate(paths.version(p.openVersionId!))}>继续修订（{labelOf(VERSION_STATUSES, p.openVersionStatus)}）</Button>
          : <Button type="primary" loading={newVersion.isPending} onClick={() => newVersion.mutate(undefined)}>修订预案</Button>)}
      </>}>
        {labelOf(PLAN_KINDS, p.kind)} · {p.enterpriseName ?? p.ownerName ?? '—'} · {p.regionName} · 适用：{kindsText(p.scopeKinds)}
      </PageHeader>
      {p.drillOverdue && <Alert style={{ marginBottom: 12 }} type="warning" showIcon title={`演练已逾期：应每 ${p.drillIntervalMonths} 个月至少演练一次，最近一次${p.lastDrill ? `在 ${p.lastDrill.drilledOn}` : '没有记录'}，应于 ${p.drillDue} 前完成`} />}
      {p.revisionDaysLeft !== null && p.revisionDaysLeft <= 90 && <Alert style={{ marginBottom: 12 }} type={p.revisionDaysLeft < 0 ? 'error' : 'warning'} showIcon title={p.revisionDaysLeft < 0 ? `预案已超过修订期限 ${p.revisionDue}，请组织评估修订并重新备案` : `预案修订期限 ${p.revisionDue}，还有 ${p.revisionDaysLeft} 天`} />}
      <Tabs items={[
        { key: 'levels', label: '分级响应', children: content ? <>{!p.publishedVersionId && <Alert style={{ marginBottom: 8 }} type="info" showIcon title="尚未发布，以下为草稿内容" />}<LevelsView content={content} /></> : <Empty description="暂无内容" /> },
        { key: 'org', label: '组织体系', children: content ? <OrganisationView content={content} /> : <Empty /> },
        { key: 'doc', label: '预案原件', children: v.data ? <DocumentView version={v.data} /> : <Empty /> },
        { key: 'versions', label: `版本（${p.versions.length}）`, children: (
          <Flex vertical gap={8}>
            <Space wrap>
              <Button disabled={compare.length !== 2} onClick={() => { const [a, b] = [...compare].sort((x, y) => (p.versions.find((z) => z.id === x)!.versionNo - p.versions.find((z) => z.id === y)!.versionNo)); navigate(paths.diff(a, b)); }}>对比所选两个版本</Button>
              <span style={{ color: '#888' }}>勾选两个版本后点击对比</span>
            </Space>
            <Table size="small" rowKey="id" pagination={false} scroll={{ x: 'max-content' }} dataSource={p.versions}
              rowSelection={{ selectedRowKeys: compare, onChange: (keys) => setCompare((keys as string[]).slice(-2)) }}
              columns={[
                { title: '版本', key: 'label', render: (_, x) => <Link to={paths.version(x.id)}>{x.label}（第 {x.versionNo} 版）</Link> },
                { title: '状态', dataIndex: 'status', render: (s: string) => <Tag color={s === 'published' ? 'green' : s === 'superseded' ? 'default' : 'processing'}>{labelOf(VERSION_STATUSES, s)}</Tag> },
                { title: '修订说明', dataIndex: 'changeNote', render: (x: string | null) => x ?? '—' },
                { title: '发布时间', dataIndex: 'publishedAt', render: formatTime },
              ]} />
          </Flex>) },
        { key: 'drills', label: `演练（${p.drills.length}）`, children: (
          <Flex vertical gap={8}>
            {p.canWrite && <div><Button onClick={() => setDrilling(true)}>登记演练</Button></div>}
            <Table size="small" rowKey="id" pagination={{ pageSize: 10 }} scroll={{ x: 'max-content' }} dataSource={p.drills} locale={{ emptyText: '还没有演练记录，演练结束后请登记' }}
              columns={[
                { title: '日期', dataIndex: 'drilledOn' }, { title: '名称', dataIndex: 'title' }, { title: '形式', dataIndex: 'kind', render: (k) => labelOf(DRILL_KINDS, k) },
                { title: '人数', dataIndex: 'participants' }, { title: '评估', dataIndex: 'evaluation' }, { title: '发现的问题', dataIndex: 'problems', render: (x) => x ?? '—' },
              ]} />
          </Flex>) },
        ...(p.kind === 'enterprise' ? [{ key: 'filing', label: '备案', children: <FilingPanel plan={p} /> }] : []),
      ]} />
      <DrillModal planId={p.id} open={drilling} onClose={() => setDrilling(false)} />
    </>
  );
}
