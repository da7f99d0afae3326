// 防汛设施: the registry as a list or on the map, each with its three responsible people; register a facility;
// export the responsible-person roster (责任人名单) for publication.
import { Suspense, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Tag, Descriptions, Drawer, Flex, Form, Input, InputNumber, Modal, Segmented, Select, Skeleton, Space, Typography } from 'antd';
import { CloseOutlined, PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { Static } from '@sinclair/typebox';
import { api } from '../../../api/client';
import { useMe } from '../../../app/session';
import type { Sensor as SensorSchema } from '../../../../../contracts/monitoring';
import { useApiMutation } from '../../../api/mutation';
import { RegionTreeSelect } from '../../../components/RegionTreeSelect';
import { ExportButton } from '../../../components/list/ExportButton';
import { PagedTable } from '../../../components/list/PagedTable';
import { useListParams } from '../../../components/list/useListParams';
import { RegionMap, type MapMarker } from '../../../components/map';
import { FACILITY_KINDS, P, RESERVOIR_SCALES, kindLabel, opts, scaleLabel, tel, thisSeason, type Facility } from './floodApi';

type Sensor = Static<typeof SensorSchema>;
const FILTERS = ['q', 'kind', 'uninspectedIn'];
const COLOURS: Record<string, string> = { reservoir: '#1677ff', sluice: '#13c2c2', dike: '#722ed1', polder: '#2f54eb', torrent_point: '#fa541c', hydropower: '#52c41a' };
interface FacilityMarker extends MapMarker { f: Facility }

function People({ f }: { f: Facility }) {
  return (
    <Descriptions size="small" column={1} bordered items={[
      { label: '行政责任人', children: <>{f.adminName} {tel(f.adminPhone)}</> },
      { label: '技术责任人', children: f.techName ? <>{f.techName} {tel(f.techPhone)}</> : '—' },
      { label: '巡查责任人', children: <>{f.patrolName} {tel(f.patrolPhone)}</> },
    ]} />
  );
}

/** Live water level and rainfall from the monitoring domain's API, against the reservoir's characteristic levels. */
function LiveReadings({ f }: { f: Facility }) {
  const me = useMe();
  const allowed = !!f.monitoringFacilityId && me.permissions.includes('monitoring:read');
  const q = useQuery({ queryKey: ['/api/monitoring/sensors', { facilityId: f.monitoringFacilityId }], enabled: allowed,
    queryFn: () => api.get<{ items: Sensor[] }>('/api/monitoring/sensors', { facilityId: f.monitoringFacilityId!, pageSize: 20 }) });
  if (!f.monitoringFacilityId) return <Typography.Text type="secondary">未接入监测设备</Typography.Text>;
  if (!allowed) return <Typography.Text type="secondary">已接入监测（无监测查看权限）</Typography.Text>;
  const limit = f.levels.floodLimitLevel; const design = f.levels.designFloodLevel;
  return (
    <Flex vertical gap={4}>
      {(q.data?.items ?? []).map((s) => {
        const v = s.lastValue;
        const over = s.type === 'water_level' && v != null && (design != null && v >= design ? '≥ 设计洪水位' : limit != null && v > limit ? '超汛限' : null);
        return <span key={s.id}>{s.name}：{v ?? '—'} {s.unit}{over && <Tag color={over === '超汛限' ? 'orange' : 'red'} style={{ marginInlineStart: 6 }}>{over}</Tag>}</span>;
      })}
      <Link to={`/monitoring/facilities/${f.monitoringFacilityId}`}>查看监测曲线</Link>
    </Flex>
  );
}

function FacilityDrawer({ f, onClose }: { f: Facility; onClose: () => void }) {
  const l = f.levels;
  return (
    <Drawer open title={f.name} onClose={onClose} width={Math.min(520, window.innerWidth)}>
      <Flex vertical gap={12}>
        <Descriptions size="small" column={1} bordered items={[
          { label: '类别', children: `${kindLabel(f.kind)}${f.scale ? ` · ${scaleLabel(f.scale)}` : ''}` },
          { label: '位置', children: `${f.townName ?? ''}${f.regionName ?? ''}` },
          ...(f.kind === 'reservoir' ? [
            { label: '库容', children: f.capacityWanM3 != null ? `${f.capacityWanM3} 万m³` : '—' },
            { label: '特征水位（m）', children: `死水位 ${l.deadLevel ?? '—'} · 汛限 ${l.floodLimitLevel ?? '—'} · 正常蓄水 ${l.normalLevel ?? '—'} · 设计洪水 ${l.designFloodLevel ?? '—'} · 校核洪水 ${l.checkFloodLevel ?? '—'}` },
          ] : []),
          ...(f.kind === 'torrent_point' ? [
            { label: '危险区人口', children: `${f.householdsAtRisk ?? '—'} 户 ${f.peopleAtRisk ?? '—'} 人` },
            { label: '转移路线', children: f.transferRoute ?? '—' }, { label: '安置点', children: f.shelter ?? '—' },
            { label: '临界雨量（mm）', children: `准备转移 ${Object.entries(f.thresholds.prepare ?? {}).map(([k, v]) => `${k} ${v}`).join('、') || '—'}；立即转移 ${Object.entries(f.thresholds.evacuate ?? {}).map(([k, v]) => `${k} ${v}`).join('、') || '—'}` },
          ] : []),
          { label: '最近检查', children: f.lastInspectedOn ?? '尚未检查' },
          { label: '实时监测', children: <LiveReadings f={f} /> },
        ]} />
        <People f={f} />
      </Flex>
    </Drawer>
  );
}

function NewFacility({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm();
  const kind = Form.useWatch('kind', form);
  const save = useApiMutation((v: Record<string, unknown>) => api.post(`${P}/facilities`, v), { invalidate: [P], success: '已登记', onSuccess: onClose });
  const phone = [{ required: true, pattern: /^[0-9-]{7,20}$/, message: '请填写电话' }];
  return (
    <Modal open title="登记防汛设施" okText="保存" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ kind: 'reservoir' }} onFinish={(v) => save.mutate({ ...v, levels: v.levels ?? undefined })}>
        <Form.Item name="kind" label="类别" rules={[{ required: true }]}><Select options={opts(FACILITY_KINDS)} /></Form.Item>
        <Form.Item name="name" label="名称" rules={[{ required: true, min: 2, message: '请填写名称' }]}><Input /></Form.Item>
        <Form.Item name="regionCode" label="所在村（社区）或乡镇" rules={[{ required: true, message: '请选择区划' }]}><RegionTreeSelect /></Form.Item>
        {kind === 'reservoir' && (
          <>
            <Form.Item name="scale" label="规模" rules={[{ required: true, message: '请选择规模' }]}><Select options={opts(RESERVOIR_SCALES)} /></Form.Item>
            <Space wrap>
              <Form.Item name={['levels', 'deadLevel']} label="死水位(m)"><InputNumber /></Form.Item>
              <Form.Item name={['levels', 'floodLimitLevel']} label="汛限水位(m)"><InputNumber /></Form.Item>
              <Form.Item name={['levels', 'normalLevel']} label="正常蓄水位(m)"><InputNumber /></Form.Item>
              <Form.Item name={['levels', 'designFloodLevel']} label="设计洪水位(m)"><InputNumber /></Form.Item>
              <Form.Item name={['levels', 'checkFloodLevel']} label="校核洪水位(m)"><InputNumber /></Form.Item>
              <Form.Item name="capacityWanM3" label="总库容(万m³)"><InputNumber min={0} /></Form.Item>
            </Space>
          </>
        )}
        {kind === 'torrent_point' && (
          <Space wrap>
            <Form.Item name="householdsAtRisk" label="危险区户数"><InputNumber min={0} /></Form.Item>
            <Form.Item name="peopleAtRisk" label="危险区人数"><InputNumber min={0} /></Form.Item>
            <Form.Item name="shelter" label="安置点"><Input /></Form.Item>
            <Form.Item name="transferRoute" label="转移路线"><Input /></Form.Item>
          </Space>
        )}
        <Space wrap>
          <Form.Item name="adminName" label="行政责任人" rules={[{ required: true, message: '请填写' }]}><Input /></Form.Item>
          <Form.Item name="adminPhone" label="电话" rules={phone}><Input inputMode="tel" /></Form.Item>
          <Form.Item name="techName" label="技术责任人"><Input /></Form.Item>
          <Form.Item name="techPhone" label="电话"><Input inputMode="tel" /></Form.Item>
          <Form.Item name="patrolName" label="巡查责任人" rules={[{ required: true, message: '请填写' }]}><Input /></Form.Item>
          <Form.Item name="patrolPhone" label="电话" rules={phone}><Input inputMode="tel" /></Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

function FacilityMap({ filters, onOpen }: { filters: Record<string, string>; onOpen: (f: Facility) => void }) {
  const q = useQuery({ queryKey: [P, 'facilities', 'map', filters], queryFn: () => api.get<{ items: Facility[]; total: number }>(`${P}/facilities`, { ...filters, pageSize: 200 }) });
  const items = q.data?.items ?? [];
  const placed = items.filter((f) => f.lng != null && f.lat != null);
  const legend = (
    <Flex vertical gap={2}>
      <Flex wrap gap={8}>{Object.entries(COLOURS).map(([k, c]) => <span key={k}><span style={{ display: 'inline-block', width: 10, height: 10, borderRadius: '50%', background: c, marginInlineEnd: 4 }} />{kindLabel(k)}</span>)}</Flex>
      {q.data && q.data.total > 200 && <span style={{ color: '#8c8c8c' }}>共 {q.data.total} 处，地图显示前 200 处，请按类别或乡镇筛选</span>}
    </Flex>
  );
  return (
    <Suspense fallback={<Skeleton active />}>
      <RegionMap<FacilityMarker> loading={q.isPending} legend={legend} height="60vh"
        markers={placed.map((f) => ({ id: f.id, lng: f.lng!, lat: f.lat!, colour: COLOURS[f.kind] ?? '#888', rank: f.kind === 'torrent_point' ? 2 : 1, title: f.name, f }))}
        renderCard={(m, close) => (
          <Card size="small" title={<Typography.Text strong>{m.f.name}</Typography.Text>} style={{ boxShadow: '0 4px 16px rgba(0,0,0,0.18)', maxWidth: 320 }}
            extra={<Button type="text" size="small" icon={<CloseOutlined />} onClick={close} aria-label="关闭" />}>
            <Flex vertical gap={6}>
              <Typography.Text type="secondary">{kindLabel(m.f.kind)} · {m.f.townName}{m.f.regionName}</Typography.Text>
              <People f={m.f} />
              <Button type="primary" block onClick={() => onOpen(m.f)}>详情</Button>
            </Flex>
          </Card>
        )} />
    </Suspense>
  );
}

/** The registry tab. */
export function FacilitiesTab({ canWrite }: { canWrite: boolean }) {
  const list = useListParams(FILTERS);
  const [view, setView] = useState<'list' | 'map'>('list');
  const [open, setOpen] = useState<Facility>();
  const [creating, setCreating] = useState(false);
  const toolbar = (
    <Space wrap>
      <Segmented value={view} onChange={(v) => setView(v as 'list' | 'map')} options={[{ value: 'list', label: '列表' }, { value: 'map', label: '地图' }]} />
      <ExportButton path={`${P}/facilities/roster.xlsx`} params={list.params.filters} name="防汛责任人名单" what="防汛责任人" />
      {canWrite && <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>登记设施</Button>}
    </Space>
  );
  const filters = [
    { kind: 'search' as const, name: 'q', placeholder: '名称、责任人或村名' }, { kind: 'select' as const, name: 'kind', placeholder: '类别', options: opts(FACILITY_KINDS) },
    { kind: 'select' as const, name: 'uninspectedIn', placeholder: '检查覆盖', options: [{ value: String(thisSeason()), label: `${thisSeason()}年汛前未检查` }], width: 170 },
  ];
  return (
    <>
      {view === 'map' ? (
        <Flex vertical gap={12}><Flex justify="end">{toolbar}</Flex><FacilityMap filters={list.params.filters} onOpen={setOpen} /></Flex>
      ) : (
        <PagedTable<Facility> path={`${P}/facilities`} rowKey="id" filters={filters} toolbar={toolbar}
          emptyText={list.params.filters.uninspectedIn ? '本汛期所有设施都已检查。' : '还没有防汛设施。点击“登记设施”录入水库、山洪危险区等及其三个责任人。'}
          onRow={(f) => ({ onClick: () => setOpen(f), style: { cursor: 'pointer' } })}
          columns={[
            { title: '名称', dataIndex: 'name' }, { title: '类别', dataIndex: 'kind', render: (k, f) => `${kindLabel(k)}${f.scale ? `（${scaleLabel(f.scale)}）` : ''}` },
            { title: '乡镇', dataIndex: 'townName', responsive: ['md'] }, { title: '村（社区）', dataIndex: 'regionName', responsive: ['lg'] },
            { title: '行政责任人', dataIndex: 'adminName', render: (n, f) => <>{n} {tel(f.adminPhone)}</> },
            { title: '技术责任人', dataIndex: 'techName', responsive: ['lg'], render: (n, f) => (n ? <>{n} {tel(f.techPhone)}</> : '—') },
            { title: '巡查责任人', dataIndex: 'patrolName', responsive: ['md'], render: (n, f) => <>{n} {tel(f.patrolPhone)}</> },
            { title: '最近检查', dataIndex: 'lastInspectedOn', responsive: ['md'], render: (d) => d ?? <Typography.Text type="warning">未检查</Typography.Text> },
          ]} />
      )}
      {open && <FacilityDrawer f={open} onClose={() => setOpen(undefined)} />}
      {creating && <NewFacility onClose={() => setCreating(false)} />}
    </>
  );
}

