// 预案版本: the content of one version, its 会签, and the workflow action bar (编辑、发起会签、会签意见、提交审批、审批发布、退回).
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Form, Input, Modal, Radio, Select, Table, Tabs, Tag } from 'antd';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/mutation';
import { useMe } from '../../../app/session';
import { FullPageSpin } from '../../../components/FullPageSpin';
import type { Org, PageOf } from '../../../api/types';
import { PageHeader } from '../../../components/PageHeader';
import { formatTime } from '../../../components/format';
import { DocumentView } from './DocumentView';
import { LevelsView, OrganisationView } from './PlanStructure';
import { VersionEditor } from './VersionEditor';
import { PLANS, VERSIONS, VERSION_STATUSES, labelOf, paths, type PlanVersion } from './plansApi';

type Step = 'countersign' | 'opinion' | 'submit' | 'approve' | 'return';
const STEP_TITLES: Record<Step, string> = { countersign: '发起会签', opinion: '提出会签意见', submit: '提交审批', approve: '审批发布', return: '退回修改' };

export default function VersionPage() {
  const { id } = useParams();
  const me = useMe();
  const [editing, setEditing] = useState(false);
  const [step, setStep] = useState<Step>();
  const [form] = Form.useForm();
  const q = useQuery({ queryKey: [VERSIONS, id], queryFn: () => api.get<PlanVersion>(`${VERSIONS}/${id}`) });
  const move = useApiMutation((v: Record<string, unknown>) => api.post<PlanVersion>(`${VERSIONS}/${id}/${step}`, v),
    { invalidate: [VERSIONS, PLANS], success: () => `已${STEP_TITLES[step!]}`, onSuccess: () => { setStep(undefined); form.resetFields(); } });
  if (q.isError) return <Alert type="error" showIcon title={q.error.message} />;
  if (!q.data) return <FullPageSpin />;
  const v = q.data;
  const round = Math.max(0, ...v.countersigns.map((c) => c.round));
  const pending = v.countersigns.filter((c) => c.round === round && !c.opinion);
  const buttons = v.moves.filter((m): m is Step => m in STEP_TITLES);
  return (
    <>
      <PageHeader title={`${v.planTitle} · ${v.label}`} extra={<>
        <Link to={paths.plan(v.planId)}><Button>返回预案</Button></Link>
        {v.moves.includes('edit') && !editing && <Button type="primary" onClick={() => setEditing(true)}>编辑内容</Button>}
        {!editing && buttons.map((m) => <Button key={m} danger={m === 'return'} type={m === 'approve' || m === 'submit' ? 'primary' : 'default'} onClick={() => setStep(m)}>{STEP_TITLES[m]}</Button>)}
      </>}>
        第 {v.versionNo} 版 · <Tag color={v.status === 'published' ? 'green' : v.status === 'superseded' ? 'default' : 'processing'}>{labelOf(VERSION_STATUSES, v.status)}</Tag>
        {v.changeNote && `修订说明：${v.changeNote}`}
      </PageHeader>
      {v.decisionComment && <Alert style={{ marginBottom: 12 }} type={v.status === 'drafting' ? 'warning' : 'info'} showIcon title={`${v.status === 'drafting' ? '退回意见' : '审批意见'}：${v.decisionComment}（${v.decidedByName ?? ''} ${formatTime(v.decidedAt)}）`} />}
      {v.status === 'countersign' && pending.length > 0 && <Alert style={{ marginBottom: 12 }} type="info" showIcon title={`会签中，待 ${pending.map((c) => c.orgName).join('、')} 提出意见`} />}
      {editing ? <VersionEditor version={v} onDone={() => setEditing(false)} /> : (
        <Tabs items={[
          { key: 'levels', label: '分级响应', children: <LevelsView content={v.content} /> },
          { key: 'org', label: '组织体系', children: <OrganisationView content={v.content} /> },
          { key: 'summary', label: '总则', children: <Descriptions bordered size="small" column={1} items={[{ label: '总则与适用范围', children: v.content.summary || '—' }]} /> },
          { key: 'doc', label: '预案原件', children: <DocumentView version={v} /> },
          { key: 'sign', label: `会签（${v.countersigns.length}）`, children: (
            <Table size="small" rowKey="id" pagination={false} scroll={{ x: 'max-content' }} dataSource={v.countersigns} locale={{ emptyText: '尚未发起会签' }}
              columns={[
                { title: '轮次', dataIndex: 'round', width: 60 }, { title: '会签单位', dataIndex: 'orgName' },
                { title: '意见', dataIndex: 'opinion', render: (o: string | null) => (o === 'agree' ? <Tag color="green">同意</Tag> : o === 'disagree' ? <Tag color="red">不同意</Tag> : <Tag>待会签</Tag>) },
                { title: '说明', dataIndex: 'comment', render: (x) => x ?? '—' }, { title: '会签人', dataIndex: 'signedByName', render: (x) => x ?? '—' }, { title: '时间', dataIndex: 'signedAt', render: formatTime },
              ]} />) },
        ]} />
      )}
      <Modal open={!!step} title={step && STEP_TITLES[step]} okText="确认" cancelText="取消" onCancel={() => setStep(undefined)} onOk={() => form.submit()} confirmLoading={move.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" preserve={false} onFinish={(x) => move.mutate(x)}>
          {step === 'countersign' && <Form.Item name="orgIds" label="会签单位" rules={[{ required: true, message: '请选择至少一个会签单位' }]}><OrgMulti /></Form.Item>}
          {step === 'opinion' && <>
            {(!me.orgId || !pending.some((c) => c.orgId === me.orgId)) && (
              <Form.Item name="orgId" label="代为登记的单位（纸质会签单）" rules={[{ required: true }]}><Select options={pending.map((c) => ({ value: c.orgId, label: c.orgName }))} /></Form.Item>)}
            <Form.Item name="opinion" label="意见" rules={[{ required: true }]}><Radio.Group options={[{ value: 'agree', label: '同意' }, { value: 'disagree', label: '不同意' }]} /></Form.Item>
            <Form.Item name="comment" label="意见说明（不同意时必填）"><Input.TextArea rows={3} /></Form.Item>
          </>}
          {(step === 'approve' || step === 'return') && <Form.Item name="comment" label={step === 'return' ? '退回原因和修改要求' : '审批意见'} rules={step === 'return' ? [{ required: true, message: '请写明退回原因' }] : []}><Input.TextArea rows={3} /></Form.Item>}
          {step === 'submit' && <p>提交后内容不能再修改，确认提交审批？</p>}
          {step === 'approve' && <p>发布后该版本生效，原发布版本自动废止。</p>}
        </Form>
      </Modal>
    </>
  );
}

/** Several organisations (a county has well under 200: one page holds them all). */
function OrgMulti({ id, value, onChange }: { id?: string; value?: string[]; onChange?: (v: string[]) => void }) {
  const orgs = useQuery({ queryKey: ['/api/orgs', { page: 1, pageSize: 200 }], queryFn: () => api.get<PageOf<Org>>('/api/orgs', { page: 1, pageSize: 200 }) });
  return <Select id={id} mode="multiple" value={value} onChange={onChange} loading={orgs.isPending} showSearch={{ optionFilterProp: 'label' }} placeholder="选择参加会签的单位"
    options={(orgs.data?.items ?? []).filter((o) => !o.disabled).map((o) => ({ value: o.id, label: o.name }))} />;
}
