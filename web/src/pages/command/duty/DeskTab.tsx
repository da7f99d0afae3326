// 值班台: who is on duty now and next, a pending handover to receive, the big 接报 button, incidents just taken and the
// ones still open (with the reports they owe), live monitoring alarms; live over SSE, with a chime for new items.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Badge, Button, Card, Col, Descriptions, Empty, Flex, Form, Input, List, Modal, Row, Space, Switch, Tag, Typography } from 'antd';
import { PlusOutlined, SoundOutlined } from '@ant-design/icons';
import type { DeskIncident, DutyDesk, DutyPerson, OpenItem } from '../../../../../contracts/command-duty';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/mutation';
import type { PageOf } from '../../../api/types';
import { useMe } from '../../../app/session';
import { formatTime } from '../../../components/format';
import { CommandBanner } from './CommandBanner';
import { unlockSound, useCommandEvents } from './useCommandEvents';
import { PersonalValue } from '../../../components/PersonalValue';

const DESK = '/api/command/duty/desk';
const LEVEL = ['', 'Ⅰ级', 'Ⅱ级', 'Ⅲ级', 'Ⅳ级'];
const GRADE: Record<string, string> = { especially_major: '特别重大', major: '重大', larger: '较大', ordinary: '一般' };

interface AlarmItem { id: string; level: number; status: string; message: string; raisedAt: string; deviceName?: string; enterpriseName?: string | null; facilityName?: string | null }

const people = (list: DutyPerson[]) => (list.length ? list.map((p) => (
  <Tag key={p.id}>{p.name}{p.phone && <span style={{ marginLeft: 4 }}><PersonalValue value={p.phone} entity="duty_person" id={p.id} field="phone" /></span>}</Tag>
)) : <Typography.Text type="danger">未排班</Typography.Text>);

function IncidentItem({ i, fresh }: { i: DeskIncident; fresh?: boolean }) {
  const dead = [i.dead && `死亡${i.dead}`, i.injured && `受伤${i.injured}`, i.missing && `失踪${i.missing}`, i.trapped && `被困${i.trapped}`].filter(Boolean).join(' ');
  return (
    <List.Item actions={[<Link key="go" to={`/command/incidents/${i.id}`}>{fresh ? '研判处置' : '进入指挥'}</Link>]}>
      <List.Item.Meta
        title={<Space wrap>{fresh && <Badge status="processing" />}<span>{i.title}</span><Tag>{GRADE[i.grade] ?? i.grade}</Tag>
          {i.responseLevel && <Tag color="red">{LEVEL[i.responseLevel]}响应</Tag>}
          {i.reportsOverdue > 0 && <Tag color="red">报送逾期 {i.reportsOverdue}</Tag>}</Space>}
        description={<Flex vertical gap={2}>
          <span>{i.number} · {i.address} · 接报 {formatTime(i.reportedAt)}{dead && ` · ${dead}`}</span>
          {i.nextReportDueAt && <Typography.Text type={i.reportsOverdue ? 'danger' : 'secondary'}>{i.nextReportKind}应于 {formatTime(i.nextReportDueAt)} 前报送</Typography.Text>}
        </Flex>} />
    </List.Item>
  );
}

export function DeskTab() {
  const me = useMe();
  const { notification } = App.useApp();
  const navigate = useNavigate();
  const [sound, setSound] = useState(false);
  const [handing, setHanding] = useState(false);
  const desk = useQuery({ queryKey: [DESK], queryFn: () => api.get<DutyDesk>(DESK), refetchInterval: 60_000 });
  const canAlarms = me.permissions.includes('monitoring:read');
  const alarms = useQuery({ queryKey: ['/api/monitoring/alarms', { open: true, desk: true }], enabled: canAlarms, refetchInterval: 60_000,
    queryFn: () => api.get<PageOf<AlarmItem>>('/api/monitoring/alarms', { open: true, pageSize: 8 }) });
  const canWrite = me.permissions.includes('command:write');
  useCommandEvents(sound, (type, data) => {
    const d = (data ?? {}) as { title?: string; message?: string; id?: string };
    if (type === 'incident.created') notification.warning({ message: '新接报', description: d.title ?? '有新的突发事件', placement: 'topRight' });
    if (type === 'monitoring.alarm.raised') notification.error({ message: '新的监测报警', description: d.message ?? '', placement: 'topRight' });
    if (type === 'command.report.overdue') notification.error({ message: '信息报送逾期', description: '有事件的报告已超过报送时限', placement: 'topRight' });
  });
  const receive = useApiMutation((id: string) => api.post(`/api/command/duty/handovers/${id}/receive`, {}), { invalidate: [DESK], success: '已接班' });

  if (desk.isError) return <Alert type="error" showIcon title="值班台加载失败" description={desk.error.message} action={<Button size="small" onClick={() => desk.refetch()}>重试</Button>} />;
  const d = desk.data;
  const cur = d?.current;
  return (
    <Flex vertical gap={16}>
      <CommandBanner />
      <Flex wrap gap={12} align="center" justify="space-between">
        {canWrite && (
          <Button type="primary" danger size="large" icon={<PlusOutlined />} style={{ height: 56, fontSize: 20, paddingInline: 32 }} data-testid="take-report"
            onClick={() => navigate('/command/incidents/new')}>接 报</Button>
        )}
        <Space>
          <SoundOutlined />
          <span>新事项提示音</span>
          <Switch checked={sound} onChange={(on) => { if (on) unlockSound(); setSound(on); }} />
        </Space>
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card title="当前班次" loading={desk.isPending} data-testid="current-shift" extra={cur?.callerOnDuty && canWrite && <Button onClick={() => setHanding(true)}>交班</Button>}>
            {cur ? (
              <Descriptions column={1} size="small" items={[
                { key: 's', label: '班次', children: <Typography.Text strong>{cur.shift.date} {cur.shift.label}（{formatTime(cur.shift.startsAt).slice(11)}–{formatTime(cur.shift.endsAt).slice(11)}）</Typography.Text> },
                { key: 'l', label: '带班领导', children: people(cur.leaders) },
                { key: 'o', label: '值班员', children: people(cur.officers) },
                { key: 'n', label: `下一班（${cur.next.label}）`, children: <span>{people(cur.nextLeaders)}{people(cur.nextOfficers)}</span> },
              ]} />
            ) : <Empty description="本单位当前班次没有排班：请在“排班表”中安排带班领导和值班员" />}
            {d?.pendingHandover && (
              <Alert style={{ marginTop: 12 }} type="warning" showIcon title={`${d.pendingHandover.handedBy.name} 已交班，待接班确认`}
                description={<Flex vertical gap={4}><span>{d.pendingHandover.notes}</span>
                  {d.pendingHandover.openItems.map((o, k) => <span key={k}>· {o.text}</span>)}</Flex>}
                action={cur?.callerOnDuty && <Button size="small" type="primary" loading={receive.isPending} onClick={() => receive.mutate(d.pendingHandover!.id)}>接班</Button>} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title={<Space>新接报<Badge count={d?.newIncidents.length ?? 0} /></Space>} loading={desk.isPending} data-testid="new-incidents">
            {d?.newIncidents.length ? <List dataSource={d.newIncidents} renderItem={(i) => <IncidentItem key={i.id} i={i} fresh />} />
              : <Empty description={`近 ${d?.newWithinHours ?? 24} 小时没有待研判的新接报。接到电话、报警或报告时，点击“接报”登记。`} />}
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title="在办事件" loading={desk.isPending}>
            {d?.openIncidents.length ? <List dataSource={d.openIncidents} renderItem={(i) => <IncidentItem key={i.id} i={i} />} />
              : <Empty description="没有正在处置的事件" />}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title="实时报警" extra={canAlarms && <Link to="/monitoring/alarms?open=true">全部报警</Link>}>
            {!canAlarms ? <Empty description="本账号无监测预警查看权限" />
              : alarms.data?.items.length ? (
                <List size="small" dataSource={alarms.data.items} renderItem={(a) => (
                  <List.Item key={a.id}><Space wrap><Tag color={a.level === 2 ? 'red' : 'orange'}>{a.level === 2 ? '二级' : '一级'}</Tag>
                    <Link to={`/monitoring/alarms/${a.id}`}>{a.message}</Link><Typography.Text type="secondary">{formatTime(a.raisedAt)}</Typography.Text></Space></List.Item>
                )} />
              ) : <Empty description="当前没有未关闭的报警" />}
          </Card>
        </Col>
        <Col xs={24}>
          <Card title="最近值班日志" extra={<Link to="/command/duty?tab=logs">全部日志</Link>}>
            {d?.recentLogs.length ? <List size="small" dataSource={d.recentLogs} renderItem={(l) => (
              <List.Item key={l.id}><Space wrap><Typography.Text type="secondary">{formatTime(l.at)}</Typography.Text><span>{l.content}</span>
                {l.actionTaken && <Typography.Text type="secondary">→ {l.actionTaken}</Typography.Text>}</Space></List.Item>
            )} /> : <Empty description="本班次还没有值班日志：来电、通知和处置情况请在“值班日志”中记录" />}
          </Card>
        </Col>
      </Row>
      <HandoverModal open={handing} onClose={() => setHanding(false)} openIncidents={[...(d?.newIncidents ?? []), ...(d?.openIncidents ?? [])]} />
    </Flex>
  );
}

/** 交班: notes and the open items carried over (each open incident is offered as one). */
function HandoverModal({ open, onClose, openIncidents }: { open: boolean; onClose: () => void; openIncidents: DeskIncident[] }) {
  const [form] = Form.useForm<{ notes: string; items: string }>();
  const save = useApiMutation((v: { notes: string; items: string }) => api.post('/api/command/duty/handovers', {
    notes: v.notes,
    openItems: [
      ...openIncidents.map((i): OpenItem => ({ text: `在办事件：${i.title}（${i.number}）`, incidentId: i.id })),
      ...v.items.split('\n').map((s) => s.trim()).filter(Boolean).map((text): OpenItem => ({ text })),
    ],
  }), { invalidate: [DESK, '/api/command/duty/handovers'], success: '已交班，请下一班次值班人员接班确认', onSuccess: onClose });
  return (
    <Modal open={open} title="交班" okText="确认交班" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ notes: '', items: '' }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="notes" label="交班情况" rules={[{ required: true, message: '请简要说明本班次接报、处置和需要关注的情况' }]}>
          <Input.TextArea rows={4} maxLength={4000} placeholder="如：本班接报 2 起，均已处置完毕；罗江镇山洪点水位偏高，请关注。" />
        </Form.Item>
        {openIncidents.length > 0 && <Typography.Paragraph type="secondary">在办事件 {openIncidents.length} 起将自动列入遗留事项。</Typography.Paragraph>}
        <Form.Item name="items" label="其他遗留事项（每行一项）"><Input.TextArea rows={3} maxLength={4000} /></Form.Item>
      </Form>
    </Modal>
  );
}
