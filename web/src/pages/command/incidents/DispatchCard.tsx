// 资源调度: the nearest teams, experts, supplies and shelters with what they hold, and each dispatch's progress.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Form, InputNumber, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { api } from '../../../api/client';
import { formatTime } from '../../../components/format';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { FormButton, usePost } from './FormButton';
import { DISPATCH_STATUSES, INCIDENTS, RESOURCE_KINDS, optionsOf, type Incident, type NearbyResourceOut } from './incidentApi';

const NEXT: Record<string, { to: string; label: string }[]> = {
  dispatched: [{ to: 'en_route', label: '出发' }, { to: 'on_scene', label: '到场' }],
  en_route: [{ to: 'on_scene', label: '到场' }],
  on_scene: [],
};
const km = (m: number | null) => (m == null ? '—' : `${(m / 1000).toFixed(1)} km`);

export function DispatchCard({ incident }: { incident: Incident }) {
  const can = incident.actions.includes('dispatch');
  const move = usePost('已更新');
  return (
    <Card size="small" title="资源调度">
      <Table size="small" rowKey="id" pagination={false} dataSource={incident.dispatches} scroll={{ x: 'max-content' }} data-testid="dispatches"
        locale={{ emptyText: '尚未调派资源；从下方附近资源中选择调派' }}
        columns={[
          { title: '资源', key: 'n', render: (_, d) => <>{RESOURCE_KINDS[d.resourceKind as keyof typeof RESOURCE_KINDS]} · {d.resourceName}{d.itemName ? ` · ${d.itemName} ${d.quantity}` : ''}</> },
          { title: '距离', dataIndex: 'distanceM', render: km },
          { title: '状态', dataIndex: 'statusLabel', render: (v: string) => <Tag>{v}</Tag> },
          { title: '调派/到场', key: 't', render: (_, d) => `${formatTime(d.dispatchedAt)}${d.onSceneAt ? ` / ${formatTime(d.onSceneAt)}` : ''}` },
          { title: '', key: 'a', render: (_, d) => can && d.status !== 'released' && (
            <Space>
              {(NEXT[d.status] ?? []).map((n) => <Button key={n.to} size="small" onClick={() => move.mutate({ path: `${INCIDENTS}/dispatches/${d.id}/move`, body: { to: n.to } })}>{n.label}</Button>)}
              <ConfirmButton size="small" confirm={`「${d.resourceName}」撤离现场？`} onConfirm={() => move.mutate({ path: `${INCIDENTS}/dispatches/${d.id}/move`, body: { to: 'released' } })}>撤离</ConfirmButton>
            </Space>
          ) },
        ]} />
      {incident.status === 'responding' && <NearbyResources incident={incident} can={can} />}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>状态：{Object.values(DISPATCH_STATUSES).join(' → ')}</Typography.Text>
    </Card>
  );
}

/** The nearest resources of each kind with what they hold, to dispatch while the response runs. */
function NearbyResources({ incident, can }: { incident: Incident; can: boolean }) {
  const [kind, setKind] = useState('team');
  const send = usePost('已调派');
  const near = useQuery({
    queryKey: [INCIDENTS, incident.id, 'nearest', kind], enabled: incident.lng != null,
    queryFn: () => api.get<{ available: boolean; items: NearbyResourceOut[] }>(`${INCIDENTS}/${incident.id}/nearest`, { kinds: kind, radiusKm: 50, limit: 8 }),
  });
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 16 }}>附近资源</Typography.Title>
      <Segmented value={kind} onChange={(v) => setKind(String(v))} options={optionsOf(RESOURCE_KINDS)} style={{ marginBottom: 8, maxWidth: '100%', overflowX: 'auto' }} />
      {incident.lng == null ? <Typography.Text type="secondary">事件未标注经纬度，无法按距离查找资源；请在核报时补充位置。</Typography.Text> : (
        <Table size="small" rowKey="id" pagination={false} dataSource={near.data?.items ?? []} loading={near.isFetching} scroll={{ x: 'max-content' }} data-testid="nearest"
          locale={{ emptyText: near.data && !near.data.available ? '应急资源模块未启用' : '50 公里内没有该类资源' }}
          columns={[
            { title: '名称', dataIndex: 'name' },
            { title: '距离', dataIndex: 'distanceM', render: km },
            { title: '现有', dataIndex: 'summary' },
            { title: '联系人', key: 'c', render: (_, r) => [r.contact, r.phone].filter(Boolean).join(' ') || '—' },
            { title: '', key: 'a', render: (_, r) => can && (r.kind === 'warehouse' ? (
              <FormButton<{ itemId: string; quantity: number }> size="small" type="primary" label="调拨" title={`从「${r.name}」调拨物资`} path={`${INCIDENTS}/${incident.id}/dispatches`}
                toBody={(v) => ({ resourceKind: 'warehouse', resourceId: r.id, ...v })} success="已出库调拨">
                <Form.Item name="itemId" label="物资" rules={[{ required: true, message: '请选择物资' }]}>
                  <Select options={((r.detail.stock ?? []) as { itemId: string; name: string; unit: string; quantity: number }[]).map((s) => ({ value: s.itemId, label: `${s.name}（库存 ${s.quantity} ${s.unit}）` }))} />
                </Form.Item>
                <Form.Item name="quantity" label="数量" rules={[{ required: true, message: '请填写数量' }]}><InputNumber min={0.01} style={{ width: '100%' }} /></Form.Item>
              </FormButton>
            ) : (
              <ConfirmButton size="small" type="primary" disabled={!r.available} confirm={`调派「${r.name}」赶赴现场？`}
                onConfirm={() => send.mutate({ path: `${INCIDENTS}/${incident.id}/dispatches`, body: { resourceKind: r.kind, resourceId: r.id } })}>调派</ConfirmButton>
            )) },
          ]} />
      )}
    </>
  );
}
