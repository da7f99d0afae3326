// 举报办理 (staff side): the tip-offs with their reply deadline; a drawer per tip-off to assign, record the
// verification and reply (or reject). 登记举报 takes phone, letter and visit reports.
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Drawer, Flex, Form, Input, Modal, Select, Switch, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/mutation';
import { useMe } from '../../../app/session';
import { OrgSelect } from '../../../components/OrgSelect';
import { PageHeader } from '../../../components/PageHeader';
import { PersonalValue } from '../../../components/PersonalValue';
import { RegionTreeSelect } from '../../../components/RegionTreeSelect';
import { PagedTable } from '../../../components/list/PagedTable';
import type { FilterDef } from '../../../components/list/FilterBar';
import { formatTime } from '../../../components/format';
import { DueTag, EnfTag } from '../EnfTag';
import { ActionModal, type Field } from '../ActionModal';
import { CONCEALMENT_LEVELS, TIPOFFS, TIPOFF_CATEGORIES, TIPOFF_CHANNELS, TIPOFF_STATUSES, VERIFY_RESULTS, optionsOf, paths, useOfficers, type Tipoff } from '../enforcementApi';

const FILTERS: FilterDef[] = [
  { kind: 'search', name: 'q', placeholder: '编号、被举报单位或内容' },
  { kind: 'select', name: 'status', placeholder: '状态', options: optionsOf(TIPOFF_STATUSES) },
  { kind: 'segmented', name: 'overdue', options: [{ label: '全部', value: '' }, { label: '逾期未答复', value: 'true' }] },
];

type Step = 'assign' | 'verify' | 'reply';
const STEP_TITLES: Record<Step, string> = { assign: '交办核查', verify: '登记核查结果', reply: '答复举报人' };

/** 举报奖励: 核定 once the report is substantiated (15% of the fine, or the fixed sum for a concealed accident), then 发放. */
function RewardActions({ t }: { t: Tipoff }) {
  const [step, setStep] = useState<'reward' | 'pay'>();
  const run = useApiMutation((v: Record<string, unknown>) => api.post<Tipoff>(`${TIPOFFS}/${t.id}/${step === 'pay' ? 'reward/pay' : 'reward'}`, v),
    { invalidate: [TIPOFFS], success: (r) => step === 'pay' ? '已登记奖励发放' : `已核定奖励 ${r.reward?.amount ?? ''} 元` });
  const substantiated = ['substantiated', 'partly'].includes(t.verifyResult ?? '');
  const fields: Field[] = step === 'pay' ? [{ name: 'note', label: '发放情况', required: true, input: <Input.TextArea rows={2} placeholder="发放方式、领取人、凭证号" /> }]
    : [{ name: 'concealmentLevel', label: '举报瞒报、谎报事故的等级', input: <Select allowClear options={optionsOf(CONCEALMENT_LEVELS)} />,
      extra: '举报事故瞒报谎报的按事故等级给予定额奖励；其他举报按关联案件罚款的 15% 核定（最低 3000 元，最高 30 万元）。' }];
  return (
    <>
      {substantiated && !t.reward && <Button onClick={() => setStep('reward')} data-testid="grant-reward">核定奖励</Button>}
      {t.reward && !t.reward.paidAt && <Button type="primary" onClick={() => setStep('pay')}>登记发放</Button>}
      {!substantiated && !t.reward && <Typography.Text type="secondary">核查属实后可核定举报奖励。</Typography.Text>}
      {step && <ActionModal open title={step === 'pay' ? '登记奖励发放' : '核定举报奖励'} fields={fields} pending={run.isPending} onSubmit={(v) => run.mutateAsync(v)}
        confirm={step === 'pay' ? '登记后奖励记为已发放。' : '按举报奖励办法核定奖励金额。'} onClose={() => setStep(undefined)} />}
    </>
  );
}

function TipoffDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const me = useMe();
  const officers = useOfficers();
  const q = useQuery({ queryKey: [TIPOFFS, id], queryFn: () => api.get<Tipoff>(`${TIPOFFS}/${id}`) });
  const [step, setStep] = useState<Step>();
  const move = useApiMutation((v: Record<string, unknown>) => api.post<Tipoff>(`${TIPOFFS}/${id}/${step}`, v), { invalidate: [TIPOFFS], success: () => `已${STEP_TITLES[step!]}`, onSuccess: () => setStep(undefined) });
  const t = q.data;
  const canWrite = me.permissions.includes('enforcement:write');
  const open = t && ['received', 'assigned', 'verified'].includes(t.status);
  const submit = (v: Record<string, unknown>) => Modal.confirm({ title: `确认${STEP_TITLES[step!]}？`, okText: '确认', cancelText: '取消', onOk: () => move.mutateAsync(v) });
  return (
    <Drawer open title={t ? `举报 ${t.number}` : '举报'} size="large" onClose={onClose}
      extra={canWrite && open && (
        <Flex gap={8} wrap>
          <Button onClick={() => setStep('assign')}>交办核查</Button>
          {t.status !== 'received' && <Button onClick={() => setStep('verify')}>核查结果</Button>}
          <Button type="primary" onClick={() => setStep('reply')}>答复</Button>
        </Flex>
      )}>
      {q.isError && <Alert type="error" showIcon title={q.error.message} />}
      {t && (
        <Descriptions column={1} size="small" bordered items={[
          { label: '状态', children: <EnfTag of="tipoff" status={t.status} /> },
          { label: '渠道', children: TIPOFF_CHANNELS[t.channel as keyof typeof TIPOFF_CHANNELS] ?? t.channel },
          { label: '举报人', children: t.anonymous ? '匿名' : <>{t.reporterName ?? ''}{t.reporterPhone && <>{' '}<PersonalValue value={t.reporterPhone} entity="enforcement_tipoff" id={t.id} field="reporterPhone" /></>}</> },
          { label: '类别', children: TIPOFF_CATEGORIES[t.category as keyof typeof TIPOFF_CATEGORIES] ?? t.category },
          { label: '被举报', children: `${t.subjectName} ${t.subjectAddress ?? ''}` },
          { label: '内容', children: t.content },
          { label: '受理时间', children: formatTime(t.receivedAt) },
          { label: '答复期限', children: <DueTag due={t.replyDue} overdue={t.overdue} /> },
          { label: '核查结果', children: t.verifyResult ? `${VERIFY_RESULTS[t.verifyResult as keyof typeof VERIFY_RESULTS] ?? t.verifyResult}：${t.verifyNote ?? ''}` : '—' },
          { label: '答复', children: t.reply ? `${t.reply}（${formatTime(t.repliedAt)}）` : '—' },
          { label: '奖励', children: t.reward ? <span data-testid="tipoff-reward">{t.reward.amount.toLocaleString('zh-CN')} 元（{t.reward.basis}）
            {t.reward.paidAt ? <Tag color="success">{formatTime(t.reward.paidAt)} 已发放</Tag> : <Tag color="warning">待发放</Tag>}</span> : '—' },
        ]} />
      )}
      {t && canWrite && (
        <Flex gap={8} wrap style={{ marginTop: 12 }}>
          {['received', 'assigned'].includes(t.status) && <Link to={paths.newInspection({ origin: 'tipoff', tipoffId: t.id, ...(t.enterpriseId ? { enterpriseId: t.enterpriseId } : { unitName: t.subjectName, regionCode: t.regionCode }) })}>
            <Button>建立核查检查</Button></Link>}
          <RewardActions t={t} />
        </Flex>
      )}
      <Modal open={!!step} title={step && STEP_TITLES[step]} okText="提交" cancelText="取消" onCancel={() => setStep(undefined)} confirmLoading={move.isPending} destroyOnHidden
        onOk={() => document.getElementById('tipoff-step-submit')?.click()}>
        <Form layout="vertical" onFinish={submit}>
          {step === 'assign' && (
            <>
              <Form.Item name="orgId" label="承办单位"><OrgSelect /></Form.Item>
              <Form.Item name="assigneeId" label="核查人员"><Select allowClear options={(officers.data ?? []).map((o) => ({ value: o.id, label: `${o.name}（${o.certNo}）` }))} /></Form.Item>
            </>
          )}
          {step === 'verify' && (
            <>
              <Form.Item name="result" label="核查结论" rules={[{ required: true }]}><Select options={optionsOf(VERIFY_RESULTS)} /></Form.Item>
              <Form.Item name="note" label="核查情况" rules={[{ required: true, min: 2 }]}><Input.TextArea rows={3} /></Form.Item>
            </>
          )}
          {step === 'reply' && (
            <>
              <Form.Item name="reply" label="答复内容" rules={[{ required: true, min: 4, message: '请填写答复（至少 4 个字）' }]}><Input.TextArea rows={4} /></Form.Item>
              <Form.Item name="reject" label="不予受理" valuePropName="checked"><Switch /></Form.Item>
            </>
          )}
          <button id="tipoff-step-submit" type="submit" hidden />
        </Form>
      </Modal>
    </Drawer>
  );
}

function IntakeModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm();
  const save = useApiMutation((v: Record<string, unknown>) => api.post<Tipoff>(TIPOFFS, { anonymous: !v.reporterName, ...v }), { invalidate: [TIPOFFS], success: (t) => `已登记举报 ${t.number}`, onSuccess: () => { form.resetFields(); onClose(); } });
  return (
    <Modal open={open} title="登记举报（电话、信件、来访）" okText="登记" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ channel: 'phone', category: 'violation' }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="channel" label="渠道"><Select options={optionsOf({ phone: TIPOFF_CHANNELS.phone, letter: TIPOFF_CHANNELS.letter, visit: TIPOFF_CHANNELS.visit })} /></Form.Item>
        <Form.Item name="reporterName" label="举报人（不填为匿名）"><Input /></Form.Item>
        <Form.Item name="reporterPhone" label="联系电话"><Input /></Form.Item>
        <Form.Item name="category" label="类别"><Select options={optionsOf(TIPOFF_CATEGORIES)} /></Form.Item>
        <Form.Item name="subjectName" label="被举报单位或场所" rules={[{ required: true, min: 2 }]}><Input /></Form.Item>
        <Form.Item name="regionCode" label="所在区域" rules={[{ required: true }]}><RegionTreeSelect /></Form.Item>
        <Form.Item name="subjectAddress" label="地址"><Input /></Form.Item>
        <Form.Item name="content" label="举报内容" rules={[{ required: true, min: 10 }]}><Input.TextArea rows={4} /></Form.Item>
      </Form>
    </Modal>
  );
}

export default function TipoffsPage() {
  const me = useMe();
  const { id } = useParams();
  const navigate = useNavigate();
  const [intake, setIntake] = useState(false);
  return (
    <>
      <PageHeader title="举报办理" extra={<>
        <Button href="/public/tipoffs" target="_blank">网上举报页面</Button>
        {me.permissions.includes('enforcement:write') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setIntake(true)}>登记举报</Button>}
      </>}>
        网上举报、12350 电话、信件和来访举报的受理、交办核查和答复。举报人凭查询码查看办理结果；逾期未答复标红。
      </PageHeader>
      <PagedTable<Tipoff> path={TIPOFFS} filters={FILTERS} rowKey="id" emptyText="还没有举报。"
        onRow={(t) => ({ onClick: () => navigate(`${paths.tipoffs}/${t.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: '编号', dataIndex: 'number' },
          { title: '渠道', dataIndex: 'channel', render: (v) => TIPOFF_CHANNELS[v as keyof typeof TIPOFF_CHANNELS] ?? v },
          { title: '被举报', dataIndex: 'subjectName' },
          { title: '类别', dataIndex: 'category', render: (v) => TIPOFF_CATEGORIES[v as keyof typeof TIPOFF_CATEGORIES] ?? v },
          { title: '受理', dataIndex: 'receivedAt', render: formatTime },
          { title: '答复期限', key: 'due', render: (_, t) => ['replied', 'rejected'].includes(t.status) ? t.replyDue : <DueTag due={t.replyDue} overdue={t.overdue} /> },
          { title: '状态', dataIndex: 'status', render: (v) => <EnfTag of="tipoff" status={v} /> },
        ]} />
      {id && <TipoffDrawer id={id} onClose={() => navigate(paths.tipoffs)} />}
      <IntakeModal open={intake} onClose={() => setIntake(false)} />
    </>
  );
}
