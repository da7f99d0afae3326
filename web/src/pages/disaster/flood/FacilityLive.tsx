// 实时水雨情: a facility's live water level against 汛限水位 / 设计洪水位 and its rainfall per duration against the
// 准备转移 / 立即转移 临界雨量, and the board of every linked facility, worst first.
import { useQuery } from '@tanstack/react-query';
import { Alert, Flex, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { api } from '../../../api/client';
import { useMe } from '../../../app/session';
import { formatTime } from '../../../components/format';
import { P, kindLabel, type FacilityLive } from './floodApi';

const COLOUR = { normal: 'green', warning: 'orange', danger: 'red', unknown: 'default' } as const;
const WORD = { normal: '正常', warning: '预警', danger: '危险', unknown: '无法判断' } as const;
export const LiveTag = ({ s }: { s: FacilityLive['status'] }) => <Tag color={COLOUR[s]}>{WORD[s]}</Tag>;

/** The live block of one facility (its drawer). */
export function FacilityLiveBlock({ id, monitoringFacilityId }: { id: string; monitoringFacilityId: string | null }) {
  const me = useMe();
  const q = useQuery({ queryKey: [P, 'facilities', id, 'live'], queryFn: () => api.get<FacilityLive>(`${P}/facilities/${id}/live`), refetchInterval: 60_000, enabled: !!monitoringFacilityId });
  if (!monitoringFacilityId) return <Typography.Text type="secondary">未接入监测设备</Typography.Text>;
  if (q.isError) return <Alert type="error" showIcon title={q.error.message} />;
  const l = q.data;
  if (!l) return <Typography.Text type="secondary">读取中…</Typography.Text>;
  return (
    <Flex vertical gap={8}>
      <Alert type={l.status === 'danger' ? 'error' : l.status === 'warning' ? 'warning' : l.status === 'normal' ? 'success' : 'info'} showIcon title={l.text} />
      {l.water && (
        <span>{l.water.name}：<Typography.Text strong>{l.water.value ?? '—'} {l.water.unit}</Typography.Text>（汛限 {l.water.floodLimitLevel ?? '—'} · 设计洪水 {l.water.designFloodLevel ?? '—'}）
          <LiveTag s={l.water.status} />{l.water.at && <Typography.Text type={l.water.stale ? 'warning' : 'secondary'}> {formatTime(l.water.at)}</Typography.Text>}</span>
      )}
      {l.rain && (
        <>
          <span>{l.rain.name}：{l.rain.at ? <Typography.Text type={l.rain.stale ? 'warning' : 'secondary'}>最近上报 {formatTime(l.rain.at)}</Typography.Text> : '暂无数据'}</span>
          {l.rain.windows.length > 0 && (
            <Table size="small" pagination={false} rowKey="duration" dataSource={l.rain.windows} columns={[
              { title: '时段', dataIndex: 'duration' }, { title: '累计雨量(mm)', dataIndex: 'mm' },
              { title: '准备转移', dataIndex: 'prepare', render: (v) => v ?? '—' }, { title: '立即转移', dataIndex: 'evacuate', render: (v) => v ?? '—' },
              { title: '', dataIndex: 'reached', render: (r) => (r === 'evacuate' ? <Tag color="red">立即转移</Tag> : r === 'prepare' ? <Tag color="orange">准备转移</Tag> : null) },
            ]} />
          )}
        </>
      )}
      {me.permissions.includes('monitoring:read') && <Link to={`/monitoring/facilities/${monitoringFacilityId}`}>查看监测曲线</Link>}
    </Flex>
  );
}

/** Every facility linked to a monitoring site in scope, worst first. */
export function LiveBoard({ onOpen }: { onOpen: (facilityId: string) => void }) {
  const q = useQuery({ queryKey: [P, 'live'], queryFn: () => api.get<FacilityLive[]>(`${P}/live`), refetchInterval: 60_000 });
  const bad = (q.data ?? []).filter((l) => l.status === 'danger' || l.status === 'warning').length;
  return (
    <Flex vertical gap={8}>
      {q.isError && <Alert type="error" showIcon title={q.error.message} />}
      {q.data && <Typography.Text type="secondary">接入监测的设施 {q.data.length} 处，其中预警、危险 {bad} 处；水库按水位对照汛限、设计洪水位，山洪危险区按各时段累计雨量对照临界雨量。每分钟刷新。</Typography.Text>}
      <Table<FacilityLive> size="small" rowKey="facilityId" loading={q.isPending} dataSource={q.data} pagination={{ pageSize: 20, hideOnSinglePage: true }} scroll={{ x: true }}
        locale={{ emptyText: '没有接入监测的设施。在监测预警中登记站点后，在设施上关联即可看到实时水雨情。' }}
        onRow={(l) => ({ onClick: () => onOpen(l.facilityId), style: { cursor: 'pointer' } })}
        columns={[
          { title: '状态', dataIndex: 'status', render: (s) => <LiveTag s={s} />, width: 90 }, { title: '设施', dataIndex: 'name' },
          { title: '类别', dataIndex: 'kind', render: kindLabel, responsive: ['sm'] }, { title: '位置', key: 'p', render: (_, l) => `${l.townName ?? ''}${l.regionName ?? ''}`, responsive: ['md'] },
          { title: '实时情况', dataIndex: 'text' },
        ]} />
    </Flex>
  );
}
