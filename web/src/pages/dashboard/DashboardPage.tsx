// 态势总览: the situation in the account's scope at a glance. Every number is a link to the filtered list that makes
// it; the risk donut and the sector bars open the enterprises of the clicked colour or sector. The region, department
// and period are kept in the URL; a bureau leader lands here (home redirects); the figures refresh when the server reports a change (SSE) and every minute.
import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Empty, Flex, Grid, List, Row, Segmented, Space, Statistic, Tag, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { api } from '../../api/client';
import { useMe } from '../../app/session';
import { PersonalValue } from '../../components/PersonalValue';
import { OrgSelect } from '../../components/OrgSelect';
import { PageHeader } from '../../components/PageHeader';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { useListParams } from '../../components/list/useListParams';
import { DASHBOARD_PERIODS, type Dashboard, type FigureGroup } from '../../../../contracts/dashboard';
import type { Figure } from '../../../../contracts/figures';
import { RISK_LEVELS } from '../../../../contracts/enterprises';
import { CommandBanner } from '../command/duty/CommandBanner';
import { EChart } from './EChart';
import { useDashboardEvents } from './useDashboardEvents';

import { DASHBOARD } from './useDashboardEvents';
const FILTERS = ['regionCode', 'orgId', 'period'];
const RISK_HEX: Record<string, string> = { ...Object.fromEntries(RISK_LEVELS.map((r) => [r.code, r.hex])), none: '#bdbdbd' };
/** Figures that call for attention when not zero. */
const WARN = new Set(['hazards.overdue', 'hazards.majorOpen', 'hazards.majorSupervised', 'monitoring.unacknowledged', 'monitoring.offlineSensors',
  'command.openIncidents', 'disaster.reportsToReview', 'disaster.reportsOverdue', 'responsibility.unsigned', 'flood.uninspected']);

/** One number: a link to its list (or, for a rate, what it is computed from). */
function FigureStat({ f, byKey }: { f: Figure; byKey: Map<string, Figure> }) {
  const danger = WARN.has(f.key) && f.value > 0;
  const stat = <Statistic title={f.label} value={f.value} suffix={f.unit} precision={f.unit === '%' ? 1 : 0}
    styles={{ content: { color: danger ? '#cf1322' : undefined, fontSize: 24 } }} />;
  if (f.trace) {
    return <Link to={f.trace.web} title={`${f.trace.query}（点击查看清单）`} data-testid={`figure-${f.key}`} className="yj-figure">{stat}</Link>;
  }
  const parts = (f.of ?? []).map((k) => byKey.get(k)?.label).filter(Boolean).join(' ÷ ');
  return <div title={parts ? `${parts}` : undefined} data-testid={`figure-${f.key}`}>{stat}</div>;
}

function GroupCard({ g, byKey }: { g: FigureGroup; byKey: Map<string, Figure> }) {
  return (
    <Card title={g.title} size="small" data-testid={`group-${g.key}`}>
      {g.figures.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无可统计的数据" /> : (
        <Row gutter={[16, 16]}>
          {g.figures.map((f) => <Col key={f.key} xs={12} sm={8} lg={6}><FigureStat f={f} byKey={byKey} /></Col>)}
        </Row>
      )}
    </Card>
  );
}

function RiskDonut({ g }: { g: FigureGroup }) {
  const navigate = useNavigate();
  const total = g.figures.reduce((n, f) => n + f.value, 0);
  const option = useMemo(() => ({
    tooltip: { trigger: 'item', formatter: '{b}：{c} 家（{d}%）' },
    // The coloured tags under the chart are its legend (and links).
    series: [{ type: 'pie', radius: ['45%', '70%'], center: ['50%', '50%'], avoidLabelOverlap: true, label: { formatter: '{b}\n{c}' },
      data: g.figures.map((f) => ({ name: f.label, value: f.value, itemStyle: { color: RISK_HEX[f.key.split('.').pop()!] } })) }],
  }), [g]);
  const open = (name: string) => { const f = g.figures.find((x) => x.label === name); if (f?.trace) navigate(f.trace.web); };
  return (
    <Card title="企业风险等级（红橙黄蓝）" size="small" extra={<Typography.Text type="secondary">点击色块查看企业</Typography.Text>}>
      {total === 0 ? <Empty description="范围内没有在营企业" /> : <EChart option={option} height={280} onItemClick={open} data-testid="risk-donut" />}
      <Flex wrap gap={8} style={{ marginTop: 8 }}>
        {g.figures.map((f) => f.trace && <Link key={f.key} to={f.trace.web}><Tag color={RISK_HEX[f.key.split('.').pop()!]}>{f.label} {f.value}</Tag></Link>)}
      </Flex>
    </Card>
  );
}

function SectorBars({ g }: { g: FigureGroup }) {
  const navigate = useNavigate();
  const figs = [...g.figures].reverse(); // largest at the top of a horizontal bar chart
  const option = useMemo(() => ({
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: figs.map((f) => f.label) },
    series: [{ type: 'bar', data: figs.map((f) => f.value), label: { show: true, position: 'right' }, itemStyle: { color: '#1677ff' }, barMaxWidth: 22 }],
  }), [figs]);
  const open = (name: string) => { const f = g.figures.find((x) => x.label === name); if (f?.trace) navigate(f.trace.web); };
  return (
    <Card title="在营企业（按监管行业）" size="small" extra={<Typography.Text type="secondary">点击柱条查看企业</Typography.Text>}>
      {g.figures.length === 0 ? <Empty description="范围内没有在营企业" />
        : <EChart option={option} height={Math.max(220, g.figures.length * 34)} onItemClick={open} data-testid="sector-bars" />}
    </Card>
  );
}

function OverdueCard({ d }: { d: Dashboard }) {
  return (
    <Card title="逾期隐患（逾期最久的在前）" size="small" data-testid="overdue-card"
      extra={d.overdueHazardsTrace && <Link to={d.overdueHazardsTrace}>全部</Link>}>
      {d.overdueHazards.length === 0 ? <Empty description="没有逾期未整改的隐患" /> : (
        <List size="small" dataSource={d.overdueHazards} renderItem={(h) => (
          <List.Item key={h.id} extra={<Space size={4}>{h.level === 'major' && <Tag color="red">重大</Tag>}{h.supervised && <Tag color="volcano">挂牌督办</Tag>}
            <Tag color="red">逾期 {h.daysOverdue} 天</Tag></Space>}>
            <List.Item.Meta title={<Link to={`/hazards/${h.id}`}>{h.title}</Link>}
              description={<Typography.Text type="secondary">{[h.enterpriseName, h.regionName, h.number, h.deadline && `期限 ${h.deadline}`].filter(Boolean).join(' · ')}</Typography.Text>} />
          </List.Item>
        )} />
      )}
    </Card>
  );
}

function DutyCard({ d }: { d: Dashboard }) {
  // Phones come masked; a role that may call them reveals one with 查看 (audited), which then dials.
  const names = (ps: { id: string; name: string; phone: string | null }[]) => (ps.length ? ps.map((p, i) => (
    <span key={p.id}>{i > 0 && '、'}{p.name}{p.phone && <>（<PersonalValue value={p.phone} entity="duty_person" id={p.id} field="phone" />）</>}</span>
  )) : '未排班');
  return (
    <Card title="当前值班" size="small" extra={<Link to="/command/duty">值班值守</Link>} data-testid="duty-card">
      {!d.duty ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="当前没有值班班次，或尚未排班。请到“值班值守”排班。" /> : (
        <Flex vertical gap={4}>
          <Typography.Text strong>{d.duty.shiftLabel}</Typography.Text>
          <Typography.Text>带班领导：{names(d.duty.leaders)}</Typography.Text>
          <Typography.Text>值班人员：{names(d.duty.officers)}</Typography.Text>
        </Flex>
      )}
    </Card>
  );
}

export default function DashboardPage() {
  const me = useMe();
  const phone = Grid.useBreakpoint().md === false;
  const list = useListParams(FILTERS);
  const { regionCode, orgId, period = 'year' } = list.params.filters;
  const params = { regionCode, orgId, period };
  const q = useQuery({ queryKey: [DASHBOARD, params], queryFn: () => api.get<Dashboard>(DASHBOARD, params), refetchInterval: 60_000 });
  useDashboardEvents();
  const d = q.data;
  const byKey = useMemo(() => new Map((d?.groups ?? []).flatMap((g) => g.figures).map((f) => [f.key, f])), [d]);
  const group = (key: string) => d?.groups.find((g) => g.key === key);
  const county = me.scope.kind === 'all';
  const canPickRegion = county || me.scope.kind === 'region';
  const main = (d?.groups ?? []).filter((g) => g.key !== 'sectors' && g.key !== 'risk');

  return (
    <>
      <CommandBanner />
      <PageHeader title={`态势总览${d ? ` · ${d.scope.label}` : ''}`} extra={<>
        <Segmented value={period} options={DASHBOARD_PERIODS.map((p) => ({ label: p.label, value: p.code }))}
          onChange={(v) => list.setFilters({ period: v === 'year' ? undefined : String(v) })} />
        {canPickRegion && <div style={{ width: phone ? '100%' : 200 }}><RegionTreeSelect value={regionCode} placeholder="全部区域"
          onChange={(v) => list.setFilters({ regionCode: v })} /></div>}
        {county && <div style={{ width: phone ? '100%' : 200 }}><OrgSelect value={orgId} placeholder="全部部门" onChange={(v) => list.setFilters({ orgId: v })} /></div>}
        <Button icon={<ReloadOutlined />} loading={q.isFetching} onClick={() => q.refetch()}>刷新</Button>
      </>}>
        {d ? `${d.period.label}；数据截至 ${new Date(d.asOf).toLocaleString('zh-CN', { hour12: false })}。` : ''}每个数字都可点击，打开生成它的清单。
      </PageHeader>
      {q.isError && <Alert type="error" showIcon title="态势数据加载失败" description={q.error.message}
        action={<Button size="small" onClick={() => q.refetch()}>重试</Button>} style={{ marginBottom: 16 }} />}
      {d?.notes.map((n) => <Alert key={n} type="info" showIcon title={n} style={{ marginBottom: 12 }} />)}
      {q.isPending ? <Card loading /> : d && d.groups.length === 0 ? (
        <Empty description="您的账号没有可汇总的业务数据权限。请联系系统管理员分配企业、隐患等查看权限。" />
      ) : d && (
        <Row gutter={[16, 16]}>
          {(group('risk') || group('sectors')) && <>
            <Col xs={24} lg={10}>{group('risk') && <RiskDonut g={group('risk')!} />}</Col>
            <Col xs={24} lg={14}>{group('sectors') && <SectorBars g={group('sectors')!} />}</Col>
          </>}
          {main.map((g) => <Col key={g.key} xs={24} xl={12}><GroupCard g={g} byKey={byKey} /></Col>)}
          {d.overdueHazardsTrace && <Col xs={24} xl={16}><OverdueCard d={d} /></Col>}
          {me.permissions.includes('command:read') && !orgId && <Col xs={24} xl={8}><DutyCard d={d} /></Col>}
        </Row>
      )}
    </>
  );
}
