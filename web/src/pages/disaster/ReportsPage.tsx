// 灾情报送: reports awaiting me, all reports, and the events with their county summary (table and Word) and time limits.
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Descriptions, Drawer, Flex, Form, Input, Modal, Select, Space, Table, Tabs, Tag, Timeline, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { api } from '../../api/client';
import { useApiMutation } from '../../api/mutation';
import { download } from '../../api/transfer';
import { useMe } from '../../app/session';
import { formatTime } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { ConfirmButton } from '../../components/ConfirmButton';
import { PagedTable } from '../../components/list/PagedTable';
import { DISASTER_KINDS, INDICATORS, REPORT_STAGES, REPORT_STATUSES, type DisasterEvent, type DisasterReport, type DisasterReportDetail, type EventSummary } from '../../../../contracts/disaster';
import { AreasSelect } from './AreasSelect';
import { ReportForm } from './ReportForm';
import { useTownOptions } from '../hazards/hazardFilters';

const E = '/api/disaster/events';
const R = '/api/disaster/reports';
const opts = (t: readonly { code: string; label: string }[]) => t.map((x) => ({ value: x.code, label: x.label }));
const label = (t: readonly { code: string; label: string }[], c: string) => t.find((x) => x.code === c)?.label ?? c;
const STATUS_COLOR: Record<string, string> = { submitted: 'gold', town_approved: 'blue', approved: 'green', returned: 'red' };
const ACTIONS: Record<string, string> = { submit: '报送', resubmit: '修改后重报', approve: '审核通过', return: '退回' };

function ReportDetail({ id, onClose }: { id: string; onClose: () => void }) {
  const q = useQuery({ queryKey: [R, id], queryFn: () => api.get<DisasterReportDetail>(`${R}/${id}`) });
  const [returning, setReturning] = useState<string>();
  const [editing, setEditing] = useState(false);
  const approve = useApiMutation(() => api.post(`${R}/${id}/approve`, {}), { invalidate: [R, E], success: '已审核通过' });
  const back = useApiMutation((note: string) => api.post(`${R}/${id}/return`, { note }), { invalidate: [R, E], success: '已退回', onSuccess: () => setReturning(undefined) });
  const r = q.data;
  return (
    <Drawer open title={r ? `${r.regionName} ${label(REPORT_STAGES, r.stage)}` : '灾情报告'} onClose={onClose} size="large"
      extra={r && <Space>
        {r.canEdit && <Button onClick={() => setEditing(true)}>修改重报</Button>}
        {r.canReturn && <Button danger onClick={() => setReturning('')}>退回</Button>}
        {r.canApprove && <Button type="primary" loading={approve.isPending} onClick={() => approve.mutate(undefined)}>审核通过</Button>}
      </Space>}>
      {q.isError && <Alert type="error" showIcon title={q.error.message} />}
      {r && (
        <Flex vertical gap={16}>
          <Descriptions size="small" column={1} bordered items={[
            { label: '事件', children: r.eventName }, { label: '区域', children: `${r.level === 'village' ? r.townName : ''}${r.regionName}` },
            { label: '状态', children: <Tag color={STATUS_COLOR[r.status]}>{label(REPORT_STATUSES, r.status)}</Tag> },
            { label: '统计截至', children: formatTime(r.asOf) }, { label: '报送人', children: `${r.reporterName} · ${formatTime(r.submittedAt)}` },
            { label: '灾情描述', children: r.description || '—' },
          ]} />
          <Table size="small" pagination={false} rowKey="key" dataSource={INDICATORS.filter((i) => r.figures[i.key]).map((i) => ({ key: i.key, name: i.label, value: `${r.figures[i.key]} ${i.unit}` }))}
            columns={[{ title: '指标', dataIndex: 'name' }, { title: '数值', dataIndex: 'value' }]} locale={{ emptyText: '各项指标均为 0（零报告）' }} />
          <Card size="small" title="审核记录">
            <Timeline items={r.trail.map((t) => ({ color: t.action === 'return' ? 'red' : 'blue', content: `${formatTime(t.at)} ${t.actorName} ${ACTIONS[t.action] ?? t.action}${t.note ? `：${t.note}` : ''}` }))} />
          </Card>
        </Flex>
      )}
      <Modal open={returning !== undefined} title="退回修改" okText="退回" cancelText="取消" okButtonProps={{ danger: true, disabled: (returning?.trim().length ?? 0) < 2 }}
        onCancel={() => setReturning(undefined)} onOk={() => returning && back.mutate(returning)}>
        <Input.TextArea aria-label="退回原因" rows={3} placeholder="写明需要核实或更正的内容" value={returning} onChange={(e) => setReturning(e.target.value)} />
      </Modal>
      {editing && r && <ReportForm report={r} onClose={() => setEditing(false)} />}
    </Drawer>
  );
}

function Reports({ todo, onOpen }: { todo?: boolean; onOpen: (id: string) => void }) {
  return (
    <PagedTable<DisasterReport> path={R} params={todo ? { todo: true } : undefined} rowKey="id"
      emptyText={todo ? '没有等待您审核的灾情报告。' : '还没有灾情报告。发生灾害后点击“报送灾情”，2 小时内报送初报。'}
      filters={[{ kind: 'search', name: 'q', placeholder: '村名、事件或报送人' }, { kind: 'select', name: 'stage', placeholder: '类型', options: opts(REPORT_STAGES), width: 110 },
        ...(todo ? [] : [{ kind: 'select' as const, name: 'status', placeholder: '状态', options: opts(REPORT_STATUSES), width: 140 }]),
        { kind: 'dateRange', from: 'from', to: 'to' }]}
      onRow={(r) => ({ onClick: () => onOpen(r.id), style: { cursor: 'pointer' } })}
      columns={[
        { title: '区域', key: 'region', render: (_, r) => `${r.level === 'village' ? r.townName : ''}${r.regionName}` },
        { title: '类型', dataIndex: 'stage', render: (s) => label(REPORT_STAGES, s) },
        { title: '状态', dataIndex: 'status', render: (s) => <Tag color={STATUS_COLOR[s]}>{label(REPORT_STATUSES, s)}</Tag> },
        { title: '受灾人口', key: 'p', render: (_, r) => r.figures.affectedPeople ?? 0, responsive: ['sm'] },
        { title: '事件', dataIndex: 'eventName', responsive: ['lg'] },
        { title: '报送', dataIndex: 'submittedAt', render: (v, r) => `${dayjs(v).format('MM-DD HH:mm')} ${r.reporterName}`, responsive: ['md'] },
      ]} />
  );
}

function Summary({ id, onClose }: { id: string; onClose: () => void }) {
  const me = useMe();
  const q = useQuery({ queryKey: [E, id, 'summary'], queryFn: () => api.get<EventSummary>(`${E}/${id}/summary`) });
  const stable = useApiMutation(() => api.post(`${E}/${id}/stable`, {}), { invalidate: [E], success: '已确认灾情稳定，续报停止，请在时限内报送核报' });
  const [adding, setAdding] = useState<string[]>();
  const addAreas = useApiMutation((areas: string[]) => api.post(`${E}/${id}/areas`, { areas }), { invalidate: [E], success: '已补充受灾区域', onSuccess: () => setAdding(undefined) });
  const reviewer = useReviewer();
  const s = q.data;
  const cols = s ? [...s.towns, s.total] : [];
  return (
    <Drawer open size="large" title={s ? `${s.event.name} 灾情汇总` : '灾情汇总'} onClose={onClose}
      extra={s && <Space wrap>
        <Button icon={<DownloadOutlined />} onClick={() => download(`${E}/${id}/summary.docx`, undefined, `${s.event.name}灾情汇总.docx`)}>Word</Button>
        {reviewer && !s.event.stableAt && <Button onClick={() => setAdding([])}>补充受灾区域</Button>}
        {me.scope.kind === 'all' && !s.event.stableAt && me.permissions.includes('disaster:write') && <ConfirmButton confirm="确认灾情已经稳定？续报停止，各乡镇开始按时限报送核报。" onConfirm={() => stable.mutate(undefined)}>确认灾情稳定</ConfirmButton>}
      </Space>}>
      {q.isError && <Alert type="error" showIcon title={q.error.message} />}
      {s && (
        <Flex vertical gap={16}>
          <Typography.Text type="secondary">{label(DISASTER_KINDS, s.event.kind)} · 发生于 {formatTime(s.event.startedAt)} · {s.event.areas.map((a) => a.regionName).join('、')}
            {s.total.unconfirmed && <Tag color="orange" style={{ marginLeft: 8 }}>含县级未审核数据[待核]</Tag>}</Typography.Text>
          <Space wrap>{s.deadlines.map((d, i) => (
            <Tag key={i} color={d.overdue && !d.met ? 'red' : d.overdue ? 'orange' : d.met ? 'green' : 'default'}>
              {d.regionName}{label(REPORT_STAGES, d.stage)} {dayjs(d.dueAt).format('MM-DD HH:mm')} {d.met ? (d.overdue ? '迟报' : '已报') : d.overdue ? '逾期未报' : '待报'}
            </Tag>))}</Space>
          <Table size="small" pagination={false} scroll={{ x: true }} rowKey="key"
            dataSource={INDICATORS.map((i) => ({ key: i.key, name: `${i.label}（${i.unit}）`, ...Object.fromEntries(cols.map((c) => [c.regionCode + c.regionName, c.figures[i.key] ?? 0])) }))}
            columns={[{ title: '指标', dataIndex: 'name', fixed: 'left' }, ...cols.map((c) => ({ title: <span>{c.regionName}<br /><Typography.Text type="secondary" style={{ fontSize: 12 }}>{c.source}</Typography.Text></span>, dataIndex: c.regionCode + c.regionName, align: 'right' as const }))]} />
          <Modal open={adding !== undefined} title="补充受灾区域" okText="补充" cancelText="取消" okButtonProps={{ disabled: !adding?.length }} confirmLoading={addAreas.isPending}
            onCancel={() => setAdding(undefined)} onOk={() => adding && addAreas.mutate(adding)} destroyOnHidden>
            <Typography.Paragraph type="secondary">已有：{s.event.areas.map((a) => a.regionName).join('、')}</Typography.Paragraph>
            <AreasSelect value={adding} onChange={setAdding} />
          </Modal>
          <Typography.Text type="secondary">乡镇数据：乡镇自报的以乡镇报告为准，否则为所辖村（社区）经乡镇审核的最新数之和，同一村（社区）只计一次。</Typography.Text>
        </Flex>
      )}
    </Drawer>
  );
}

function NewEvent({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm();
  const save = useApiMutation((v: Record<string, unknown>) => api.post(E, v), { invalidate: [E], success: '灾害事件已登记，请督促受灾村（社区）2 小时内报送初报', onSuccess: onClose });
  return (
    <Modal open title="登记灾害事件" okText="保存" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ kind: 'flood', startedAt: dayjs() }}
        onFinish={(v) => save.mutate({ ...v, startedAt: (v.startedAt as dayjs.Dayjs).toISOString() })}>
        <Form.Item name="name" label="事件名称" rules={[{ required: true, min: 2, message: '如：罗江镇“6·21”山洪灾害' }]}><Input /></Form.Item>
        <Form.Item name="kind" label="灾种"><Select options={opts(DISASTER_KINDS)} /></Form.Item>
        <Form.Item name="startedAt" label="发生时间" rules={[{ required: true }]}><DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" /></Form.Item>
        <Form.Item name="areas" label="受灾区域（乡镇或村，可多选）" rules={[{ required: true, type: 'array', min: 1, message: '请选择受灾区域' }]}
          extra="选乡镇表示全镇受灾；只有部分村受灾时选这些村。灾情扩大时可在事件汇总中补充区域。"><AreasSelect /></Form.Item>
        <Form.Item name="description" label="概况"><Input.TextArea autoSize /></Form.Item>
      </Form>
    </Modal>
  );
}

/** The county and the towns open events and review reports; a village officer files. */
function useReviewer() {
  const me = useMe();
  return me.permissions.includes('disaster:write') && (me.scope.kind === 'all' || (me.scope.kind === 'region' && /000$/.test((me.scope as { regionCode?: string }).regionCode ?? '')));
}

export default function ReportsPage() {
  const me = useMe();
  const [report, setReport] = useState<string>();
  const [summary, setSummary] = useState<string>();
  const [filing, setFiling] = useState(false);
  const [creating, setCreating] = useState(false);
  const canWrite = me.permissions.includes('disaster:write');
  const reviewer = me.scope.kind === 'all' || (me.scope.kind === 'region' && /000$/.test((me.scope as { regionCode?: string }).regionCode ?? ''));
  // The tab lives in the address, so a dashboard figure can open the events with their time limits (?tab=events&watched=true).
  const [search, setSearch] = useSearchParams();
  const tab = search.get('tab') ?? (reviewer ? 'todo' : 'reports');
  const setTab = (t: string) => setSearch(new URLSearchParams({ tab: t }), { replace: true });
  const towns = useTownOptions();
  return (
    <>
      <PageHeader title="灾情报送" extra={canWrite && <Space wrap>
        {reviewer && <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>登记灾害事件</Button>}
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setFiling(true)}>报送灾情</Button>
      </Space>}>
        灾害发生后 2 小时内报送初报，灾情稳定前每日 9 时前报送续报（零报告），稳定后按时限报送核报；村（社区）报送经乡镇审核、县级审核后汇总。
      </PageHeader>
      <Tabs activeKey={tab} onChange={setTab} items={[
        ...(reviewer ? [{ key: 'todo', label: '待我审核', children: <Reports todo onOpen={setReport} /> }] : []),
        { key: 'reports', label: '灾情报告', children: <Reports onOpen={setReport} /> },
        { key: 'events', label: '灾害事件与汇总', children: (
          <PagedTable<DisasterEvent> path={E} rowKey="id" emptyText="还没有灾害事件。发生灾害后由乡镇或县级点击“登记灾害事件”。"
            filters={[{ kind: 'search', name: 'q', placeholder: '事件名称或编号' }, { kind: 'select', name: 'kind', placeholder: '灾种', options: opts(DISASTER_KINDS) },
              ...(towns.length > 1 ? [{ kind: 'select', name: 'regionCode', placeholder: '全部乡镇', options: towns, width: 140 } as const] : []),
              { kind: 'select', name: 'watched', placeholder: '报送时限', options: [{ value: 'true', label: '时限在办' }], width: 120 }, { kind: 'dateRange', from: 'from', to: 'to' }]}
            onRow={(e) => ({ onClick: () => setSummary(e.id), style: { cursor: 'pointer' } })}
            columns={[
              { title: '事件', dataIndex: 'name' }, { title: '灾种', dataIndex: 'kind', render: (k) => label(DISASTER_KINDS, k), responsive: ['sm'] },
              { title: '受灾区域', dataIndex: 'areas', render: (a: DisasterEvent['areas']) => a.map((x) => x.regionName).join('、'), responsive: ['lg'], ellipsis: true },
              { title: '发生时间', dataIndex: 'startedAt', render: (v) => dayjs(v).format('YYYY-MM-DD HH:mm'), responsive: ['md'] },
              { title: '报告', key: 'n', render: (_, e) => <>{e.reports}{e.pending ? <Tag color="gold" style={{ marginLeft: 6 }}>待审 {e.pending}</Tag> : null}</> },
              { title: '报送时限', key: 'dues', render: (_, e) => (e.overdue || e.due ? <>
                {e.overdue ? <Tag color="red">逾期未报 {e.overdue}</Tag> : null}{e.due ? <Tag color="blue">待报 {e.due}</Tag> : null}</> : <Typography.Text type="secondary">—</Typography.Text>) },
              { title: '状态', dataIndex: 'stableAt', render: (v) => (v ? <Tag>已稳定</Tag> : <Tag color="red">续报中</Tag>) },
            ]} />
        ) },
      ]} />
      {report && <ReportDetail id={report} onClose={() => setReport(undefined)} />}
      {summary && <Summary id={summary} onClose={() => setSummary(undefined)} />}
      {filing && <ReportForm onClose={() => setFiling(false)} />}
      {creating && <NewEvent onClose={() => setCreating(false)} />}
    </>
  );
}
