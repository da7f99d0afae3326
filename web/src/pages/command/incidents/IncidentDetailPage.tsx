// 指挥视图: one incident — facts and grade with its rule, plans ranked, level and its changes, command post, tasks,
// dispatch with nearest resources, the reports and map panels (duty/reports part), timeline replay, closing.
import { lazy, Suspense, type ComponentType } from 'react';
import { useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Col, Descriptions, Form, Input, InputNumber, Row, Space, Spin, Tag } from 'antd';
import { api } from '../../../api/client';
import { PageHeader } from '../../../components/PageHeader';
import { formatTime } from '../../../components/format';
import { ClosingCard } from './ClosingCard';
import { PostCard, TasksCard } from './CommandCard';
import { DispatchCard } from './DispatchCard';
import { FormButton } from './FormButton';
import { GRADE_COLOURS, INCIDENT_SOURCES, INCIDENTS, levelLabel, STATUS_COLOURS, type Incident } from './incidentApi';
import { LevelCard } from './LevelCard';
import { PlansCard } from './PlansCard';
import { TimelineReplay } from './TimelineReplay';
import { PersonalValue } from '../../../components/PersonalValue';

// The duty/reports part provides these panels; they are mounted when present in the build.
type Panel = ComponentType<{ incidentId: string }>;
const optional = (mods: Record<string, () => Promise<unknown>>, name: string) => {
  const load = Object.values(mods)[0];
  return load ? lazy(async () => { const m = await load() as Record<string, Panel>; return { default: m[name] ?? m.default }; }) : null;
};
const ReportsPanel = optional(import.meta.glob('../reports/IncidentReportsPanel.tsx'), 'IncidentReportsPanel');
const MapPanel = optional(import.meta.glob('../map/IncidentMapPanel.tsx'), 'IncidentMapPanel');

export default function IncidentDetailPage() {
  const { id = '' } = useParams();
  const q = useQuery({ queryKey: [INCIDENTS, id], queryFn: () => api.get<Incident>(`${INCIDENTS}/${id}`) });
  if (q.isPending) return <Spin />;
  if (q.isError) return <Alert type="error" showIcon title="事件加载失败" description={q.error.message} />;
  const i = q.data;
  return (
    <>
      <PageHeader title={<Space wrap>{i.number} {i.title}<Tag color={GRADE_COLOURS[i.grade]} data-testid="grade">{i.gradeLabel}</Tag>
        <Tag color={STATUS_COLOURS[i.status]} data-testid="status">{i.statusLabel}</Tag>{i.responseLevel && <Tag color="red">{levelLabel(i.responseLevel)}响应</Tag>}</Space>}
        extra={i.actions.includes('facts') && (
          <FormButton<Record<string, number> & { note: string }> label="核报伤亡" title="核报伤亡和损失（自动重新定级）" path={`${INCIDENTS}/${i.id}/facts`} success="已核报"
            initialValues={{ dead: i.dead, injured: i.injured, missing: i.missing, trapped: i.trapped, relocated: i.relocated, lossWan: i.lossWan }}>
            <Space wrap>{(['dead', 'injured', 'missing', 'trapped', 'relocated'] as const).map((n) => (
              <Form.Item key={n} name={n} label={{ dead: '死亡', injured: '重伤', missing: '失踪', trapped: '被困', relocated: '转移安置' }[n]} rules={[{ required: true }]}><InputNumber min={0} precision={0} /></Form.Item>))}
              <Form.Item name="lossWan" label="直接经济损失（万元）" rules={[{ required: true }]}><InputNumber min={0} /></Form.Item></Space>
            <Form.Item name="note" label="核报来源" rules={[{ required: true, min: 2, message: '请写明数字来源，如“医院核报”' }]}><Input maxLength={500} /></Form.Item>
          </FormButton>
        )} />
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={14}>
          <Space direction="vertical" style={{ width: '100%' }} size={12}>
            <Descriptions size="small" bordered column={{ xs: 1, sm: 2 }} styles={{ label: { whiteSpace: 'nowrap' } }} items={[
              { label: '类别', children: i.kindLabel },
              { label: '来源', children: <>{`${INCIDENT_SOURCES[i.source as keyof typeof INCIDENT_SOURCES] ?? i.source} ${i.reporterName ?? ''} `}{i.reporterPhone && <PersonalValue value={i.reporterPhone} entity="incident" id={i.id} field="reporterPhone" />}</> },
              { label: '事发时间', children: formatTime(i.occurredAt) },
              { label: '接报时间', children: formatTime(i.reportedAt) },
              { label: '地点', children: `${i.regionName ?? ''} ${i.address}`, span: 2 },
              { label: '涉事企业', children: i.enterpriseName ?? '—' },
              { label: '伤亡', children: `死亡 ${i.dead}、重伤 ${i.injured}、失踪 ${i.missing}、被困 ${i.trapped}` },
              { label: '损失/转移', children: `${i.lossWan} 万元 · 转移安置 ${i.relocated} 人` },
              { label: '执行预案', children: i.planTitle ?? '—' },
              { label: '情况', children: i.description, span: 2 },
              { label: '定级依据', children: <span data-testid="grade-rule">{i.gradeRule}</span>, span: 2 },
            ]} />
            {i.status === 'reported' ? <PlansCard incident={i} /> : <LevelCard incident={i} />}
            {i.status !== 'reported' && <PostCard incident={i} />}
            {i.status !== 'reported' && <TasksCard incident={i} />}
            {i.status !== 'reported' && <DispatchCard incident={i} />}
            <ClosingCard incident={i} />
          </Space>
        </Col>
        <Col xs={24} xl={10}>
          <Space direction="vertical" style={{ width: '100%' }} size={12}>
            <Suspense fallback={<Spin />}>
              {MapPanel && <MapPanel incidentId={i.id} />}
              {ReportsPanel && <ReportsPanel incidentId={i.id} />}
            </Suspense>
            {i.status !== 'reported' && <PlansCard incident={i} />}
            <TimelineReplay incidentId={i.id} />
          </Space>
        </Col>
      </Row>
    </>
  );
}
