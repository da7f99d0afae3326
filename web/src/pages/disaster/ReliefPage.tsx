// 救灾资金: allocations (county → towns and departments), payments to households (ID numbers masked; the full number on
// request, recorded), and the 专项督查 that draws a reproducible sample for home visits and phone checks.
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { pick } from '../../components/list/LinkedFilters';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Drawer, Flex, Form, Input, InputNumber, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import type dayjs from 'dayjs';
import { api } from '../../api/client';
import { useApiMutation } from '../../api/mutation';
import { download } from '../../api/transfer';
import type { Org, PageOf } from '../../api/types';
import { useMe } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { ExportButton } from '../../components/list/ExportButton';
import { PagedTable } from '../../components/list/PagedTable';
import { useListParams } from '../../components/list/useListParams';
import { CHECK_METHODS, CHECK_OUTCOMES, PAY_METHODS, RELIEF_PURPOSES, type Allocation, type Audit, type AuditDetail, type Distribution } from '../../../../contracts/disaster';

const P = '/api/disaster/relief';
const opts = (t: readonly { code: string; label: string }[]) => t.map((x) => ({ value: x.code, label: x.label }));
const label = (t: readonly { code: string; label: string }[], c: string) => t.find((x) => x.code === c)?.label ?? c;
const yuan = (n: number) => `${n.toLocaleString('zh-CN')} 元`;
const OUTCOME_COLOR: Record<string, string> = { pending: 'default', confirmed: 'green', discrepancy: 'red', unreachable: 'orange' };

function AllocationForm({ parent, onClose }: { parent?: Allocation; onClose: () => void }) {
  const [form] = Form.useForm();
  const to = Form.useWatch('to', form);
  const orgs = useQuery({ queryKey: ['/api/orgs', 'relief'], queryFn: () => api.get<PageOf<Org>>('/api/orgs', { pageSize: 200 }), enabled: !!parent });
  const save = useApiMutation((v: Record<string, unknown>) => api.post(`${P}/allocations`, v), { invalidate: [P], success: '已登记', onSuccess: onClose });
  return (
    <Modal open title={parent ? `分配：${parent.number}（尚未分配 ${yuan(parent.amount - parent.allocatedDown)}）` : '县级资金下拨'} okText="保存" cancelText="取消"
      onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ purpose: parent?.purpose ?? 'emergency_living', to: 'town' }}
        onFinish={(v) => save.mutate({ parentId: parent?.id, purpose: v.purpose, amount: v.amount, allocatedOn: (v.allocatedOn as dayjs.Dayjs).format('YYYY-MM-DD'), note: v.note,
          ...(parent ? (v.to === 'town' ? { regionCode: v.regionCode } : { orgId: v.orgId }) : {}) })}>
        {parent && <Form.Item name="to" label="分配给"><Select options={[{ value: 'town', label: '乡镇' }, { value: 'dept', label: '部门' }]} /></Form.Item>}
        {parent && to === 'town' && <Form.Item name="regionCode" label="乡镇" rules={[{ required: true, message: '请选择乡镇' }]}><RegionTreeSelect /></Form.Item>}
        {parent && to === 'dept' && <Form.Item name="orgId" label="部门" rules={[{ required: true, message: '请选择部门' }]}>
          <Select showSearch optionFilterProp="label" options={(orgs.data?.items ?? []).filter((o) => o.kind === 'department').map((o) => ({ value: o.id, label: o.name }))} /></Form.Item>}
        <Form.Item name="purpose" label="用途"><Select options={opts(RELIEF_PURPOSES)} /></Form.Item>
        <Form.Item name="amount" label="金额（元）" rules={[{ required: true, message: '请填写金额' }]}><InputNumber min={0.01} precision={2} style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="allocatedOn" label="下拨日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker /></Form.Item>
        <Form.Item name="note" label="文件依据 / 备注"><Input.TextArea autoSize /></Form.Item>
      </Form>
    </Modal>
  );
}

function PayForm({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm();
  const method = Form.useWatch('method', form);
  const shares = useQuery({ queryKey: [P, 'shares'], queryFn: () => api.get<PageOf<Allocation>>(`${P}/allocations`, { pageSize: 200 }) });
  const save = useApiMutation((v: Record<string, unknown>) => api.post(`${P}/distributions`, v), { invalidate: [P], success: '发放已登记', onSuccess: onClose });
  return (
    <Drawer open title="登记发放到户" onClose={onClose} size="large" destroyOnHidden
      footer={<Flex justify="end" gap={8}><Button onClick={onClose}>取消</Button><Button type="primary" loading={save.isPending} onClick={() => form.submit()}>保存</Button></Flex>}>
      <Form form={form} layout="vertical" initialValues={{ method: 'bank' }}
        onFinish={(v) => save.mutate({ ...v, paidOn: (v.paidOn as dayjs.Dayjs).format('YYYY-MM-DD') })}>
        <Form.Item name="allocationId" label="资金来源（乡镇或部门分得的资金）" rules={[{ required: true, message: '请选择资金' }]}>
          <Select options={(shares.data?.items ?? []).filter((a) => a.parentId).map((a) => ({ value: a.id, label: `${a.recipient} ${a.number}（余额 ${yuan(a.amount - a.distributed)}）` }))} />
        </Form.Item>
        <Form.Item name="regionCode" label="受助家庭所在村（社区）" rules={[{ required: true, message: '请选择村（社区）' }]}><RegionTreeSelect /></Form.Item>
        <Form.Item name="name" label="户主姓名" rules={[{ required: true, min: 2, message: '请填写姓名' }]}><Input /></Form.Item>
        <Form.Item name="idNumber" label="身份证号码" rules={[{ required: true, len: 18, message: '身份证号码为 18 位' }]}><Input maxLength={18} /></Form.Item>
        <Form.Item name="phone" label="联系电话（督查电话回访用）" rules={[{ pattern: /^1[3-9]\d{9}$/, message: '请填写 11 位手机号码' }]}><Input inputMode="tel" /></Form.Item>
        <Form.Item name="amount" label="金额（元）" rules={[{ required: true, message: '请填写金额' }]}><InputNumber min={0.01} precision={2} style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="paidOn" label="发放日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker /></Form.Item>
        <Form.Item name="method" label="发放方式"><Select options={opts(PAY_METHODS)} /></Form.Item>
        {method === 'bank' && <Form.Item name="bankRef" label="转账流水号或账号尾号" rules={[{ required: true, message: '一卡通转账请填写' }]}><Input /></Form.Item>}
      </Form>
    </Drawer>
  );
}

function AuditDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const me = useMe();
  const { message } = App.useApp();
  const q = useQuery({ queryKey: [P, 'audit', id], queryFn: () => api.get<AuditDetail>(`${P}/audits/${id}`) });
  const [check, setCheck] = useState<{ distributionId: string; outcome: string; finding: string }>();
  const save = useApiMutation((c: NonNullable<typeof check>) => api.post(`${P}/audits/${id}/checks/${c.distributionId}`, { outcome: c.outcome, finding: c.finding || undefined }),
    { invalidate: [P], success: '核查结果已登记', onSuccess: () => setCheck(undefined) });
  const a = q.data;
  const county = me.scope.kind === 'all' && me.permissions.includes('disaster:write');
  return (
    <Drawer open size="large" title={a ? `${a.number} ${a.name}` : '专项督查'} onClose={onClose}
      extra={a && <Button icon={<DownloadOutlined />} onClick={() => download(`${P}/audits/${id}/report.docx`, undefined, `${a.name}情况报告.docx`).catch((e: Error) => message.error(e.message))}>督查报告（Word）</Button>}>
      {q.isError && <Alert type="error" showIcon title={q.error.message} />}
      {a && (
        <Flex vertical gap={16}>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            随机种子“{a.seed}”（抽样前公布），按乡镇、部门分层抽取 {a.ratePercent}%：{a.population} 户中抽 {a.sampleSize} 户，算法 {a.algorithm}，任何人可按种子复算。已核查 {a.checked} 户，发现问题 {a.discrepancies} 户。
          </Typography.Paragraph>
          <Table size="small" rowKey="recipient" pagination={false} scroll={{ x: true }} dataSource={a.byRecipient} columns={[
            { title: '乡镇 / 部门', dataIndex: 'recipient' }, { title: '发放户数', dataIndex: 'population' }, { title: '抽查', dataIndex: 'sampled' }, { title: '已核查', dataIndex: 'checked' },
            { title: '发现问题', dataIndex: 'discrepancies', render: (n) => (n ? <Typography.Text type="danger">{n}</Typography.Text> : 0) },
            { title: '问题', dataIndex: 'findings', render: (f: string[]) => f.join('；') || '—', responsive: ['md'] },
          ]} />
          <Table size="small" rowKey="distributionId" pagination={{ pageSize: 20 }} scroll={{ x: true }} dataSource={a.checks} columns={[
            { title: '#', dataIndex: 'position', width: 50 }, { title: '乡镇/部门', dataIndex: 'recipient', responsive: ['md'] },
            { title: '户主', key: 'n', render: (_, c) => `${c.regionName} ${c.name}` }, { title: '金额', dataIndex: 'amount', render: yuan, responsive: ['sm'] },
            { title: '方式', dataIndex: 'method', render: (m) => label(CHECK_METHODS, m) },
            { title: '结果', dataIndex: 'outcome', render: (o, c) => <Space direction="vertical" size={0}><Tag color={OUTCOME_COLOR[o]}>{label(CHECK_OUTCOMES, o)}</Tag>{c.finding && <Typography.Text type="secondary">{c.finding}</Typography.Text>}</Space> },
            ...(county ? [{ title: '', key: 'act', render: (_: unknown, c: AuditDetail['checks'][number]) => <Button size="small" onClick={() => setCheck({ distributionId: c.distributionId, outcome: 'confirmed', finding: '' })}>登记结果</Button> }] : []),
          ]} />
        </Flex>
      )}
      <Modal open={!!check} title="登记核查结果" okText="保存" cancelText="取消" onCancel={() => setCheck(undefined)} onOk={() => check && save.mutate(check)}>
        {check && <Flex vertical gap={12}>
          <Select value={check.outcome} options={opts(CHECK_OUTCOMES.filter((o) => o.code !== 'pending'))} onChange={(outcome) => setCheck({ ...check, outcome })} />
          <Input.TextArea aria-label="发现的问题" rows={3} placeholder="发现问题时写明问题" value={check.finding} onChange={(e) => setCheck({ ...check, finding: e.target.value })} />
        </Flex>}
      </Modal>
    </Drawer>
  );
}

function NewAudit({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm();
  const tops = useQuery({ queryKey: [P, 'tops'], queryFn: () => api.get<PageOf<Allocation>>(`${P}/allocations`, { top: true, pageSize: 100 }) });
  const save = useApiMutation((v: Record<string, unknown>) => api.post(`${P}/audits`, v), { invalidate: [P], success: (r: unknown) => `已抽取 ${(r as AuditDetail).sampleSize} 户`, onSuccess: onClose });
  return (
    <Modal open title="专项督查抽样" okText="抽取" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title="请先公布随机种子（如当日开奖号码或公证处提供的随机数），同一种子和名单总能得到同样的抽查名单。" />
      <Form form={form} layout="vertical" initialValues={{ ratePercent: 20 }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="allocationId" label="督查的县级下拨资金" rules={[{ required: true, message: '请选择资金' }]}>
          <Select options={(tops.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.number} ${a.note || label(RELIEF_PURPOSES, a.purpose)}` }))} />
        </Form.Item>
        <Form.Item name="name" label="督查名称" rules={[{ required: true, min: 2, message: '请填写名称' }]}><Input placeholder="如：2022年上半年救灾资金专项督查" /></Form.Item>
        <Form.Item name="seed" label="公布的随机种子" rules={[{ required: true, min: 8, message: '随机种子至少 8 个字符' }]}><Input /></Form.Item>
        <Form.Item name="ratePercent" label="抽查比例（%）" rules={[{ required: true }]}><InputNumber min={1} max={100} /></Form.Item>
      </Form>
    </Modal>
  );
}

function RevealButton({ id }: { id: string }) {
  const { modal, message } = App.useApp();
  return (
    <Button size="small" type="link" onClick={(e) => {
      e.stopPropagation();
      modal.confirm({ title: '查看完整身份证号？', content: '查看将记入审计日志。', okText: '查看', cancelText: '取消',
        onOk: async () => { try { const r = await api.get<{ idNumber: string; phone: string }>(`${P}/distributions/${id}/id-number`); modal.info({ title: '完整信息', content: `${r.idNumber}  ${r.phone}` }); } catch (err) { message.error((err as Error).message); } } });
    }}>查看</Button>
  );
}

export default function ReliefPage() {
  const me = useMe();
  // The tab lives in the address, so a statistics figure can open the household payments (?tab=distributions&from=…).
  const [search, setSearch] = useSearchParams();
  const tab = search.get('tab') ?? 'allocations';
  const setTab = (t: string) => setSearch(new URLSearchParams({ tab: t }), { replace: true });
  const [alloc, setAlloc] = useState<{ parent?: Allocation }>();
  const [paying, setPaying] = useState(false);
  const [auditing, setAuditing] = useState(false);
  const [audit, setAudit] = useState<string>();
  const write = me.permissions.includes('disaster:write');
  const county = me.scope.kind === 'all' && write;
  const town = me.scope.kind === 'region' && /000$/.test((me.scope as { regionCode?: string }).regionCode ?? '');
  const distList = useListParams(['q', 'method', 'from', 'to']);
  return (
    <>
      <PageHeader title="救灾资金" extra={<Space wrap>
        {county && <Button icon={<PlusOutlined />} onClick={() => setAlloc({})}>县级下拨</Button>}
        {write && (county || town) && <Button type="primary" icon={<PlusOutlined />} onClick={() => setPaying(true)}>登记发放</Button>}
        {county && <Button onClick={() => setAuditing(true)}>专项督查抽样</Button>}
      </Space>}>
        县级下拨到乡镇和部门，乡镇、部门发放到户（核验身份证号），发放总额不超过下拨额；专项督查按公布的随机种子抽取一定比例的受助户入户、电话核查。
      </PageHeader>
      <Tabs activeKey={tab} onChange={setTab} items={[
        { key: 'allocations', label: '资金下拨', children: (
          <PagedTable<Allocation> path={`${P}/allocations`} rowKey="id" linked={pick('parentId', 'recipientKind')} emptyText="还没有救灾资金下拨记录。县级收到上级资金后点击“县级下拨”登记。"
            filters={[{ kind: 'search', name: 'q', placeholder: '乡镇、部门或文号' }, { kind: 'select', name: 'purpose', placeholder: '用途', options: opts(RELIEF_PURPOSES) }]}
            columns={[
              { title: '文号', dataIndex: 'number', responsive: ['md'] }, { title: '接收', dataIndex: 'recipient', render: (r, a) => (a.parentId ? r : <Tag color="blue">县级 {r}</Tag>) },
              { title: '用途', dataIndex: 'purpose', render: (p) => label(RELIEF_PURPOSES, p), responsive: ['lg'] }, { title: '金额', dataIndex: 'amount', render: yuan },
              { title: '已分配 / 已发放', key: 'used', render: (_, a) => (a.parentId ? `发放 ${yuan(a.distributed)}（${a.households} 户）` : `分配 ${yuan(a.allocatedDown)}`) },
              { title: '日期', dataIndex: 'allocatedOn', responsive: ['md'] },
              ...(county ? [{ title: '', key: 'act', render: (_: unknown, a: Allocation) => (!a.parentId ? <Button size="small" onClick={() => setAlloc({ parent: a })}>分配到乡镇/部门</Button> : null) }] : []),
            ]} />
        ) },
        { key: 'distributions', label: '发放到户', children: (
          <PagedTable<Distribution> path={`${P}/distributions`} rowKey="id" emptyText="还没有发放记录。乡镇或部门发放后点击“登记发放”逐户登记。"
            filters={[{ kind: 'search', name: 'q', placeholder: '户主或村名' }, { kind: 'select', name: 'method', placeholder: '发放方式', options: opts(PAY_METHODS) },
              { kind: 'dateRange', from: 'from', to: 'to' }]}
            toolbar={<ExportButton path={`${P}/distributions/export`} params={distList.params.filters} name="救灾资金发放花名册" what="发放记录" />}
            columns={[
              { title: '户主', dataIndex: 'name' }, { title: '村（社区）', key: 'r', render: (_, d) => `${d.townName}${d.regionName}`, responsive: ['sm'] },
              { title: '身份证号', dataIndex: 'idNumber', render: (v, d) => <Space size={0}>{v}{(county || town) && write && <RevealButton id={d.id} />}</Space>, responsive: ['md'] },
              { title: '金额', dataIndex: 'amount', render: yuan }, { title: '方式', dataIndex: 'method', render: (m) => label(PAY_METHODS, m), responsive: ['lg'] },
              { title: '日期', dataIndex: 'paidOn', responsive: ['md'] }, { title: '资金', dataIndex: 'recipient', responsive: ['xl'] },
            ]} />
        ) },
        { key: 'audits', label: '专项督查', children: (
          <PagedTable<Audit> path={`${P}/audits`} rowKey="id" emptyText="还没有专项督查。县级点击“专项督查抽样”，公布随机种子后抽取核查名单。"
            onRow={(a) => ({ onClick: () => setAudit(a.id), style: { cursor: 'pointer' } })}
            columns={[
              { title: '编号', dataIndex: 'number', responsive: ['md'] }, { title: '名称', dataIndex: 'name' },
              { title: '抽查', key: 's', render: (_, a) => `${a.sampleSize}/${a.population} 户（${a.ratePercent}%）` },
              { title: '已核查', dataIndex: 'checked' }, { title: '发现问题', dataIndex: 'discrepancies', render: (n) => (n ? <Tag color="red">{n}</Tag> : 0) },
            ]} />
        ) },
      ]} />
      {alloc && <AllocationForm parent={alloc.parent} onClose={() => setAlloc(undefined)} />}
      {paying && <PayForm onClose={() => setPaying(false)} />}
      {auditing && <NewAudit onClose={() => setAuditing(false)} />}
      {audit && <AuditDrawer id={audit} onClose={() => setAudit(undefined)} />}
    </>
  );
}
