// 战备概览: the resources at a glance and what needs attention — stock below its minimum, batches expiring (the
// settings rule gives the days), certificates expiring, teams under strength, full shelters — each linking to its list.
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Empty, Row, Skeleton, Statistic, Table, Tag } from 'antd';
import { api } from '../../../api/client';
import { PageHeader } from '../../../components/PageHeader';
import { labelOf, PATHS, TEAM_KINDS, type Readiness } from './api';

function Section<T extends object>({ title, link, rows, columns, empty }: { title: string; link: string; rows: T[]; columns: { title: string; render: (r: T) => ReactNode }[]; empty: string }) {
  return (
    <Card size="small" title={<>{title} <Tag color={rows.length ? 'error' : 'success'}>{rows.length}</Tag></>} extra={<Link to={link}>查看列表</Link>}>
      <Table<T> size="small" rowKey={(_r, i) => String(i)} dataSource={rows} pagination={{ pageSize: 8, hideOnSinglePage: true, size: 'small' }} scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> }}
        columns={columns.map((c, i) => ({ key: i, title: c.title, render: (_: unknown, r: T) => c.render(r) }))} />
    </Card>
  );
}

const expiry = (d: string, expired: boolean) => <Tag color={expired ? 'error' : 'warning'}>{expired ? `已过期 ${d}` : d}</Tag>;

export default function ReadinessPage() {
  const q = useQuery({ queryKey: [PATHS.readiness], queryFn: () => api.get<Readiness>(PATHS.readiness) });
  if (q.isPending) return <Skeleton active />;
  if (q.isError) return <Alert type="error" showIcon title="战备概览加载失败" description={q.error.message} />;
  const r = q.data;
  const c = r.counts;
  const stats: [string, ReactNode, string][] = [
    ['救援队伍', `${c.teamsReady} / ${c.teams}`, '待命 / 总数'], ['队员', c.members, '人'], ['专家', c.experts, '人'], ['储备库', c.warehouses, `${c.stockLines} 个库存品种`],
    ['避难场所', c.shelters, `可容纳 ${c.shelterCapacity} 人`], ['装备车辆', `${c.equipmentReady} / ${c.equipment}`, '完好 / 总数'],
  ];
  return (
    <>
      <PageHeader title="战备概览">截至 {r.asOf}；物资临期提前 {r.expiryDays} 天、证书到期提前 {r.certificateDays} 天提醒（业务规则 command.resources.readiness，管理员可调整）。</PageHeader>
      {r.truncated && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="部分清单较长，只列出前 200 条；请到对应列表中筛选查看全部。" />}
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {stats.map(([title, value, note]) => (
          <Col key={title} xs={12} md={8} xl={4}><Card size="small"><Statistic title={title} value={value as string} /><span style={{ color: '#888', fontSize: 12 }}>{note}</span></Card></Col>
        ))}
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={12}><Section title="低于最低储备" link="/command/resources?tab=stock&belowMinimum=true" rows={r.belowMinimum} empty="所有物资都在最低储备以上。" columns={[
          { title: '储备库', render: (x) => x.warehouseName }, { title: '物资', render: (x) => x.itemName },
          { title: '库存 / 最低', render: (x) => <span style={{ color: '#cf1322' }}>{x.quantity} / {x.minLevel} {x.unit}</span> }]} /></Col>
        <Col xs={24} xl={12}><Section title={`${r.expiryDays} 天内到期的物资`} link="/command/resources?tab=stock" rows={r.expiringBatches} empty="没有临期物资。" columns={[
          { title: '储备库', render: (x) => x.warehouseName }, { title: '物资', render: (x) => `${x.itemName} ${x.quantity} ${x.unit}` },
          { title: '有效期至', render: (x) => expiry(x.expiresOn, x.expired) }]} /></Col>
        <Col xs={24} xl={12}><Section title={`${r.certificateDays} 天内到期的证书`} link="/command/resources?tab=teams" rows={r.expiringCertificates} empty="没有即将到期的证书。" columns={[
          { title: '队伍', render: (x) => <Link to={`/command/resources/teams/${x.teamId}`}>{x.teamName}</Link> }, { title: '队员', render: (x) => x.memberName },
          { title: '证书', render: (x) => x.certificate }, { title: '有效期至', render: (x) => expiry(x.expiresOn, x.expired) }]} /></Col>
        <Col xs={24} xl={12}><Section title="缺员队伍" link="/command/resources?tab=teams" rows={r.underStrength} empty="各队伍均满编。" columns={[
          { title: '队伍', render: (x) => <Link to={`/command/resources/teams/${x.teamId}`}>{x.teamName}</Link> }, { title: '类别', render: (x) => labelOf(TEAM_KINDS, x.kind) },
          { title: '队员 / 编制', render: (x) => `${x.memberCount} / ${x.plannedStrength}` }]} /></Col>
        <Col xs={24} xl={12}><Section title="已满员的避难场所" link="/command/resources?tab=shelters&full=true" rows={r.fullShelters} empty="没有满员的避难场所。" columns={[
          { title: '场所', render: (x) => x.name }, { title: '区划', render: (x) => x.regionName ?? '—' }, { title: '安置 / 容量', render: (x) => `${x.occupancy} / ${x.capacity}` }]} /></Col>
      </Row>
    </>
  );
}
