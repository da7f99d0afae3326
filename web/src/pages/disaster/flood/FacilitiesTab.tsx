// 防汛设施: the registry as a list or on the map, each with its three responsible people; register a facility;
// export the responsible-person roster (责任人名单) for publication.
import { Suspense, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Drawer, Flex, Segmented, Skeleton, Space, Typography } from 'antd';
import { CloseOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { api } from '../../../api/client';
import { useMe } from '../../../app/session';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { ImportModal } from '../../command/resources/ImportModal';
import { FacilityForm } from './FacilityForm';
import { FacilityLiveBlock, LiveBoard } from './FacilityLive';
import { useApiMutation } from '../../../api/mutation';
import { ExportButton } from '../../../components/list/ExportButton';
import { PagedTable } from '../../../components/list/PagedTable';
import { useListParams } from '../../../components/list/useListParams';
import { RegionMap, type MapMarker } from '../../../components/map';
import { FACILITY_KINDS, P, kindLabel, opts, scaleLabel, thisSeason, type Facility } from './floodApi';
import { PersonalValue } from '../../../components/PersonalValue';

const FILTERS = ['q', 'kind', 'uninspectedIn'];
const COLOURS: Record<string, string> = { reservoir: '#1677ff', sluice: '#13c2c2', dike: '#722ed1', polder: '#2f54eb', torrent_point: '#fa541c', hydropower: '#52c41a' };
interface FacilityMarker extends MapMarker { f: Facility }

function People({ f }: { f: Facility }) {
  return (
    <Descriptions size="small" column={1} bordered items={[
      { label: '行政责任人', children: <>{f.adminName} <PersonalValue value={f.adminPhone} entity="flood_facility" id={f.id} field="adminPhone" /></> },
      { label: '技术责任人', children: f.techName ? <>{f.techName} <PersonalValue value={f.techPhone} entity="flood_facility" id={f.id} field="techPhone" /></> : '—' },
      { label: '巡查责任人', children: <>{f.patrolName} <PersonalValue value={f.patrolPhone} entity="flood_facility" id={f.id} field="patrolPhone" /></> },
    ]} />
  );
}

function FacilityDrawer({ f, canWrite, onEdit, onClose }: { f: Facility; canWrite: boolean; onEdit: (f: Facility) => void; onClose: () => void }) {
  const l = f.levels;
  const del = useApiMutation(() => api.del(`${P}/facilities/${f.id}`), { invalidate: [P], success: `已删除 ${f.name}`, onSuccess: onClose });
  const range = (o: Record<string, number> | undefined) => Object.entries(o ?? {}).map(([k, v]) => `${k} ${v}`).join('、') || '—';
  return (
    <Drawer open title={f.name} onClose={onClose} width={Math.min(560, window.innerWidth)}
      extra={canWrite && <Space>
        <Button onClick={() => onEdit(f)}>修改</Button>
        <ConfirmButton danger confirm={`删除「${f.name}」？只能删除误登记的设施；已有检查、预案或响应记录的设施不能删除。`} onConfirm={() => del.mutate(undefined)}>删除</ConfirmButton>
      </Space>}>
      <Flex vertical gap={12}>
        <Descriptions size="small" column={1} bordered items={[
          { label: '类别', children: `${kindLabel(f.kind)}${f.scale ? ` · ${scaleLabel(f.scale)}` : ''}` },
          { label: '位置', children: `${f.townName ?? ''}${f.regionName ?? ''}${f.lng != null ? `（${f.lng}, ${f.lat}）` : ''}` },
          ...(f.kind === 'reservoir' ? [
            { label: '库容', children: f.capacityWanM3 != null ? `${f.capacityWanM3} 万m³` : '—' },
            { label: '特征水位（m）', children: `死水位 ${l.deadLevel ?? '—'} · 汛限 ${l.floodLimitLevel ?? '—'} · 正常蓄水 ${l.normalLevel ?? '—'} · 设计洪水 ${l.designFloodLevel ?? '—'} · 校核洪水 ${l.checkFloodLevel ?? '—'}` },
          ] : []),
          ...(f.kind === 'torrent_point' ? [
            { label: '危险区人口', children: `${f.householdsAtRisk ?? '—'} 户 ${f.peopleAtRisk ?? '—'} 人` },
            { label: '转移路线', children: f.transferRoute ?? '—' }, { label: '安置点', children: f.shelter ?? '—' },
            { label: '临界雨量（mm）', children: `准备转移 ${range(f.thresholds.prepare)}；立即转移 ${range(f.thresholds.evacuate)}` },
          ] : []),
          { label: '最近检查', children: f.lastInspectedOn ?? '尚未检查' },
          { label: '实时水雨情', children: <FacilityLiveBlock id={f.id} monitoringFacilityId={f.monitoringFacilityId} /> },
        ]} />
        <People f={f} />
      </Flex>
    </Drawer>
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

/** The county and the towns keep the registry; a village account reads it. */
function useKeepsRegistry() {
  const me = useMe();
  return me.scope.kind === 'all' || (me.scope.kind === 'region' && /000$/.test((me.scope as { regionCode?: string }).regionCode ?? ''));
}

/** The registry tab. */
export function FacilitiesTab({ canWrite }: { canWrite: boolean }) {
  const list = useListParams(FILTERS);
  const [view, setView] = useState<'list' | 'map' | 'live'>('list');
  const [open, setOpen] = useState<Facility>();
  const [form, setForm] = useState<{ editing?: Facility }>();
  const [importing, setImporting] = useState(false);
  const { message } = App.useApp();
  const keepsRegistry = useKeepsRegistry();
  const keeps = canWrite && keepsRegistry;
  const openById = (id: string) => api.get<Facility>(`${P}/facilities/${id}`).then(setOpen, (e: Error) => message.error(e.message));
  const toolbar = (
    <Space wrap>
      <Segmented value={view} onChange={(v) => setView(v as typeof view)} options={[{ value: 'list', label: '列表' }, { value: 'map', label: '地图' }, { value: 'live', label: '实时水雨情' }]} />
      <ExportButton path={`${P}/facilities/roster.xlsx`} params={list.params.filters} name="防汛责任人名单" what="防汛责任人" />
      {keeps && <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>导入</Button>}
      {keeps && <Button icon={<PlusOutlined />} onClick={() => setForm({})}>登记设施</Button>}
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
      ) : view === 'live' ? (
        <Flex vertical gap={12}><Flex justify="end">{toolbar}</Flex><LiveBoard onOpen={openById} /></Flex>
      ) : (
        <PagedTable<Facility> path={`${P}/facilities`} rowKey="id" filters={filters} toolbar={toolbar}
          emptyText={list.params.filters.uninspectedIn ? '本汛期所有设施都已检查。' : '还没有防汛设施。点击“登记设施”录入水库、山洪危险区等及其三个责任人。'}
          onRow={(f) => ({ onClick: () => setOpen(f), style: { cursor: 'pointer' } })}
          columns={[
            { title: '名称', dataIndex: 'name' }, { title: '类别', dataIndex: 'kind', render: (k, f) => `${kindLabel(k)}${f.scale ? `（${scaleLabel(f.scale)}）` : ''}` },
            { title: '乡镇', dataIndex: 'townName', responsive: ['md'] }, { title: '村（社区）', dataIndex: 'regionName', responsive: ['lg'] },
            { title: '行政责任人', dataIndex: 'adminName', render: (n, f) => <>{n} <PersonalValue value={f.adminPhone} entity="flood_facility" id={f.id} field="adminPhone" /></> },
            { title: '技术责任人', dataIndex: 'techName', responsive: ['lg'], render: (n, f) => (n ? <>{n} <PersonalValue value={f.techPhone} entity="flood_facility" id={f.id} field="techPhone" /></> : '—') },
            { title: '巡查责任人', dataIndex: 'patrolName', responsive: ['md'], render: (n, f) => <>{n} <PersonalValue value={f.patrolPhone} entity="flood_facility" id={f.id} field="patrolPhone" /></> },
            { title: '最近检查', dataIndex: 'lastInspectedOn', responsive: ['md'], render: (d) => d ?? <Typography.Text type="warning">未检查</Typography.Text> },
          ]} />
      )}
      {open && <FacilityDrawer f={open} canWrite={keeps} onEdit={(f) => { setOpen(undefined); setForm({ editing: f }); }} onClose={() => setOpen(undefined)} />}
      {form && <FacilityForm {...form} onClose={() => setForm(undefined)} />}
      <ImportModal open={importing} onClose={() => setImporting(false)} title="导入防汛设施" path={`${P}/facilities`} invalidate={P}
        hint="按模板逐行填写设施及三个责任人；类别、所在区划和名称相同的设施会更新（如每年汛前调整责任人），其余新增。有错误的行会逐行列出原因。" />
    </>
  );
}

