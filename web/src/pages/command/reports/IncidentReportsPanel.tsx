// 信息报送 panel of an incident (mounted on the incident page): the deadlines it owes (初报/续报/终报) with overdue flags,
// its reports with their approval steps, drafting from the record, editing a draft, Word and EDXL-SitRep downloads.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Drawer, Empty, Flex, Form, Input, InputNumber, List, Modal, Space, Tag, Timeline, Typography } from 'antd';
import { DownloadOutlined, FileAddOutlined } from '@ant-design/icons';
import type { IncidentReport, IncidentReports, ReportContent, ReportDue } from '../../../../../contracts/command-reports';
import { REPORT_KINDS } from '../../../../../contracts/command-reports';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/mutation';
import { download } from '../../../api/transfer';
import { useMe } from '../../../app/session';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { formatTime } from '../../../components/format';

const STATUS_COLOURS: Record<string, string> = { draft: 'default', submitted: 'processing', approved: 'cyan', sent: 'success' };
export const reportsPath = (incidentId: string) => `/api/command/incidents/${incidentId}/reports`;

function DueTag({ d }: { d: ReportDue }) {
  const colour = d.overdue ? 'red' : d.late ? 'orange' : d.metAt ? 'green' : 'blue';
  const state = d.overdue ? '已逾期' : d.late ? '逾期报送' : d.metAt ? '按时报送' : '待报送';
  return <Tag color={colour} title={d.basis}>{d.kindLabel} {formatTime(d.dueAt)} 前 · {state}</Tag>;
}

export function IncidentReportsPanel({ incidentId }: { incidentId: string }) {
  const me = useMe();
  const { message } = App.useApp();
  const base = reportsPath(incidentId);
  const q = useQuery({ queryKey: [base], queryFn: () => api.get<IncidentReports>(base), refetchInterval: 60_000 });
  const [editing, setEditing] = useState<IncidentReport | null>(null);
  const [returning, setReturning] = useState<IncidentReport | null>(null);
  const [returnForm] = Form.useForm<{ note: string }>();
  const invalidate = [base, `/api/command/incidents/${incidentId}`];
  const draft = useApiMutation((kind: string) => api.post<IncidentReport>(base, { kind }), { invalidate, success: (r) => `已起草${r.kindLabel}，请核对后提交审核`, onSuccess: setEditing });
  const move = useApiMutation(({ r, m, note }: { r: IncidentReport; m: string; note?: string }) => api.post<IncidentReport>(`${base}/${r.id}/${m}`, note ? { note } : {}),
    { invalidate, success: (r) => `${r.kindLabel}：${r.statusLabel}` });
  const canWrite = me.permissions.includes('command:write');

  if (q.isPending) return <Card title="信息报送" loading />;
  if (q.isError) return <Alert type="error" showIcon title="信息报送加载失败" description={q.error.message} action={<Button size="small" onClick={() => q.refetch()}>重试</Button>} />;
  const { reports, dues, nextKind } = q.data;
  const unsent = reports.some((r) => r.status !== 'sent');
  const fetchFile = (r: IncidentReport, kind: 'docx' | 'sitrep.xml') =>
    download(`${base}/${r.id}/${kind}`, undefined, `${r.number}.${kind === 'docx' ? 'docx' : 'xml'}`).catch((e: Error) => message.error(e.message));

  return (
    <Card title="信息报送" data-testid="reports-panel" extra={canWrite && nextKind && (
      <Button type="primary" icon={<FileAddOutlined />} loading={draft.isPending} disabled={unsent} title={unsent ? '还有未报送的报告' : undefined}
        onClick={() => draft.mutate(nextKind)}>起草{REPORT_KINDS[nextKind]}</Button>
    )}>
      <Flex vertical gap={12}>
        {dues.length > 0 && <Flex wrap gap={4}>{dues.map((d) => <DueTag key={d.id} d={d} />)}</Flex>}
        {dues.some((d) => d.overdue) && <Alert type="error" showIcon title="有报告已超过报送时限，请立即起草、审核并报送" />}
        {reports.length === 0 ? (
          <Empty description={canWrite ? '尚未报送。接报后应在时限内报送初报：点击右上角“起草初报”，系统将按事件记录生成草稿。' : '尚未报送任何报告。'} />
        ) : (
          <List dataSource={reports} renderItem={(r) => (
            <List.Item key={r.id} actions={[
              r.actions.includes('edit') && <Button key="e" size="small" onClick={() => setEditing(r)}>编辑</Button>,
              r.actions.includes('submit') && <Button key="s" size="small" type="primary" onClick={() => move.mutate({ r, m: 'submit' })}>提交审核</Button>,
              r.actions.includes('approve') && <Button key="a" size="small" type="primary" onClick={() => move.mutate({ r, m: 'approve' })}>审核通过</Button>,
              r.actions.includes('return') && <Button key="r" size="small" onClick={() => setReturning(r)}>退回</Button>,
              r.actions.includes('send') && <ConfirmButton key="send" size="small" type="primary" confirm={`确定报送${r.kindLabel}？`}
                description={'将以短信和站内信发送给规则中设置的上级接收方，并记入事件时间线'} onConfirm={() => move.mutate({ r, m: 'send' })}>报送</ConfirmButton>,
              <Button key="w" size="small" icon={<DownloadOutlined />} onClick={() => fetchFile(r, 'docx')}>Word</Button>,
              <Button key="x" size="small" onClick={() => fetchFile(r, 'sitrep.xml')} title="EDXL-SitRep 1.0，供系统间交换">XML</Button>,
            ].filter(Boolean)}>
              <List.Item.Meta
                title={<Space wrap><Typography.Text strong>{r.kindLabel}</Typography.Text><Tag color={STATUS_COLOURS[r.status]}>{r.statusLabel}</Tag>
                  <Typography.Text type="secondary">{r.number}</Typography.Text></Space>}
                description={<Flex vertical gap={2}>
                  <span>{r.title}</span>
                  <span>起草：{r.draftedBy.name} {formatTime(r.draftedAt)}{r.approvedBy && ` · 审核：${r.approvedBy.name}`}{r.sentAt && ` · 报送：${formatTime(r.sentAt)}`}</span>
                  {r.returnedNote && r.status === 'draft' && <Typography.Text type="warning">退回意见：{r.returnedNote}</Typography.Text>}
                </Flex>} />
            </List.Item>
          )} />
        )}
      </Flex>
      <ReportEditor incidentId={incidentId} report={editing} onClose={() => setEditing(null)} />
      <Modal open={!!returning} title="退回修改" okText="退回" cancelText="取消" destroyOnHidden
        onCancel={() => setReturning(null)} onOk={() => returnForm.submit()}>
        <Form form={returnForm} layout="vertical" onFinish={(v: { note: string }) => { move.mutate({ r: returning!, m: 'return', note: v.note }); setReturning(null); }}>
          <Form.Item name="note" label="退回意见" rules={[{ required: true, message: '请写明需要修改的地方' }]}>
            <Input.TextArea rows={3} maxLength={1000} placeholder="如：伤亡人数请与现场再次核实" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

type Values = Pick<ReportContent, 'summary' | 'dead' | 'injured' | 'missing' | 'trapped' | 'relocated' | 'lossWan' | 'measures' | 'nextSteps' | 'contact' | 'phone'> & { title: string };

/** The draft editor: the text a person checks before submitting; the timeline comes from the incident record. */
function ReportEditor({ incidentId, report, onClose }: { incidentId: string; report: IncidentReport | null; onClose: () => void }) {
  const base = reportsPath(incidentId);
  const save = useApiMutation((v: Values) => api.patch<IncidentReport>(`${base}/${report!.id}`, {
    title: v.title, content: { ...report!.content, ...v, title: undefined },
  }), { invalidate: [base], success: '草稿已保存', onSuccess: onClose });
  if (!report) return null;
  const c = report.content;
  return (
    <Drawer open title={`编辑${report.kindLabel}（${report.number}）`} size={720} onClose={onClose} destroyOnHidden
      extra={<Button type="primary" loading={save.isPending} htmlType="submit" form="report-editor">保存草稿</Button>}>
      <Form id="report-editor" layout="vertical" initialValues={{ title: report.title, ...c }} onFinish={(v: Values) => save.mutate(v)}>
        <Form.Item name="title" label="标题" rules={[{ required: true, message: '请填写标题' }]}><Input maxLength={200} /></Form.Item>
        <Form.Item name="summary" label="事件概况" rules={[{ required: true, message: '请填写事件概况' }]}><Input.TextArea rows={4} maxLength={4000} showCount /></Form.Item>
        <Space wrap>
          {(['dead', 'injured', 'missing', 'trapped', 'relocated'] as const).map((k) => (
            <Form.Item key={k} name={k} label={{ dead: '死亡', injured: '受伤', missing: '失踪', trapped: '被困', relocated: '转移安置' }[k]} rules={[{ required: true }]}>
              <InputNumber min={0} precision={0} addonAfter="人" style={{ width: 120 }} />
            </Form.Item>
          ))}
          <Form.Item name="lossWan" label="直接经济损失" rules={[{ required: true }]}><InputNumber min={0} addonAfter="万元" style={{ width: 150 }} /></Form.Item>
        </Space>
        <Form.Item name="measures" label="已采取的措施"><Input.TextArea rows={3} maxLength={8000} /></Form.Item>
        <Form.Item label={report.kind === 'initial' ? '事件经过（来自事件时间线）' : '自上次报告以来的进展（来自事件时间线）'}>
          {c.timeline.length ? <Timeline items={c.timeline.map((l) => ({ children: `${formatTime(l.at)} ${l.text}` }))} /> : <Typography.Text type="secondary">时间线中暂无新的记录</Typography.Text>}
        </Form.Item>
        <Form.Item name="nextSteps" label="下一步工作"><Input.TextArea rows={2} maxLength={4000} /></Form.Item>
        <Space wrap>
          <Form.Item name="contact" label="联系人"><Input maxLength={50} /></Form.Item>
          <Form.Item name="phone" label="联系电话"><Input maxLength={30} /></Form.Item>
        </Space>
      </Form>
    </Drawer>
  );
}

export default IncidentReportsPanel;
