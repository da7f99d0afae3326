// 资源分布图: every located resource in the viewer's reach on the county map, coloured by kind (grey when not available),
// with its contact and readiness in the card; below, the nearest resources to a point, nearest first per kind.
import { Suspense, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Flex, Form, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { CloseOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { api } from '../../../api/client';
import { RegionMap, type MapMarker } from '../../../components/map';
import { PageHeader } from '../../../components/PageHeader';
import { KIND_COLOURS, optionsOf, PATHS, RESOURCE_KINDS, type MapPoint, type NearbyResource } from './api';
import { PersonalValue } from '../../../components/PersonalValue';

type Kind = keyof typeof RESOURCE_KINDS;
type Marker = MapMarker & { point: MapPoint };
const KINDS = Object.keys(RESOURCE_KINDS) as Kind[];

function Legend() {
  return <Flex vertical gap={2} style={{ background: '#fff', padding: '4px 8px', borderRadius: 4, fontSize: 12 }}>
    {KINDS.map((k) => <span key={k}><span style={{ color: KIND_COLOURS[k] }}>●</span> {RESOURCE_KINDS[k]}</span>)}
    <span><span style={{ color: '#bfbfbf' }}>●</span> 暂不可用</span>
  </Flex>;
}

/** The register field holding each kind's contact phone (for revealing it: POST /api/personal/reveal). */
const PHONE_FIELD: Record<string, string> = { team: 'leaderPhone', expert: 'phone', warehouse: 'keeperPhone', shelter: 'managerPhone', equipment: 'keeperPhone' };

function Contact({ r }: { r: Pick<MapPoint, 'contact' | 'phone' | 'kind' | 'id'> }) {
  return r.contact || r.phone
    ? <Space size={4}>{r.contact}{r.phone && <PersonalValue value={r.phone} entity={`resource_${r.kind}`} id={r.id} field={PHONE_FIELD[r.kind] ?? 'phone'} />}</Space> : <>—</>;
}

function NearbyPanel({ kinds }: { kinds: Kind[] }) {
  const [at, setAt] = useState({ lng: 113.08, lat: 28.8, radius: 20 });
  const params = { lng: at.lng, lat: at.lat, radius: at.radius * 1000, kinds: kinds.join(','), limit: 5 };
  const near = useQuery({ queryKey: [PATHS.nearby, params], queryFn: () => api.get<NearbyResource[]>(PATHS.nearby, params), enabled: kinds.length > 0 });
  return (
    <Card size="small" title="就近查找" style={{ marginTop: 16 }}>
      <Form layout="inline" initialValues={at} onFinish={(v) => setAt(v)} style={{ rowGap: 8, marginBottom: 12 }}>
        <Form.Item name="lng" label="经度" rules={[{ required: true }]}><InputNumber min={73} max={136} step={0.01} /></Form.Item>
        <Form.Item name="lat" label="纬度" rules={[{ required: true }]}><InputNumber min={3} max={54} step={0.01} /></Form.Item>
        <Form.Item name="radius" label="半径（公里）" rules={[{ required: true }]}><InputNumber min={1} max={300} /></Form.Item>
        <Button type="primary" htmlType="submit">查找</Button>
      </Form>
      <Table<NearbyResource> rowKey={(r) => `${r.kind}-${r.id}`} size="small" loading={near.isFetching} dataSource={near.data} pagination={false} scroll={{ x: 'max-content' }}
        locale={{ emptyText: '该范围内没有符合条件的资源，请扩大半径或勾选更多类别。' }}
        columns={[
          { title: '类别', dataIndex: 'kind', render: (k: Kind) => <Tag color={KIND_COLOURS[k]}>{RESOURCE_KINDS[k]}</Tag> },
          { title: '名称', dataIndex: 'name' }, { title: '距离', dataIndex: 'distanceM', render: (d: number) => (d < 1000 ? `${Math.round(d)} 米` : `${(d / 1000).toFixed(1)} 公里`) },
          { title: '情况', dataIndex: 'summary' }, { title: '联系人', key: 'c', render: (_: unknown, r) => <Contact r={r} /> },
          { title: '可用', dataIndex: 'available', render: (a: boolean) => (a ? <Tag color="success">可用</Tag> : <Tag>暂不可用</Tag>) },
        ]} />
    </Card>
  );
}

export default function ResourceMapPage() {
  const [kinds, setKinds] = useState<Kind[]>(KINDS);
  const params = { kinds: kinds.join(',') };
  const points = useQuery({ queryKey: [PATHS.map, params], queryFn: () => api.get<MapPoint[]>(PATHS.map, params), enabled: kinds.length > 0, placeholderData: keepPreviousData });
  const markers = useMemo<Marker[]>(() => (kinds.length ? points.data ?? [] : []).map((p) => ({
    id: `${p.kind}-${p.id}`, lng: p.lng, lat: p.lat, title: p.name, colour: p.available ? KIND_COLOURS[p.kind] : '#bfbfbf', rank: p.available ? 2 : 1, point: p,
  })), [points.data, kinds]);
  return (
    <>
      <PageHeader title="应急资源分布图" extra={<Link to="/command/resources"><Button icon={<UnorderedListOutlined />}>列表查看</Button></Link>} />
      <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
        <Checkbox.Group options={optionsOf(RESOURCE_KINDS)} value={kinds} onChange={(v) => setKinds(v as Kind[])} />
        <Typography.Text type="secondary">{kinds.length ? `共 ${markers.length} 处` : '请至少勾选一类资源'}</Typography.Text>
      </Flex>
      {points.isError && <Alert type="error" showIcon style={{ marginBottom: 12 }} title="资源点位加载失败" description={points.error.message} />}
      <Suspense fallback={<div style={{ height: '60vh' }} />}>
        <RegionMap<Marker> markers={markers} loading={points.isFetching} height="calc(100vh - 300px)" legend={<Legend />}
          renderCard={(m, close) => (
            <Card size="small" title={m.point.name} extra={<Button type="text" size="small" icon={<CloseOutlined />} onClick={close} aria-label="关闭" />} data-testid="resource-card">
              <Flex vertical gap={4}>
                <span><Tag color={KIND_COLOURS[m.point.kind]}>{RESOURCE_KINDS[m.point.kind]}</Tag>{m.point.available ? <Tag color="success">可用</Tag> : <Tag>暂不可用</Tag>}</span>
                <Typography.Text>{m.point.summary}</Typography.Text>
                <span>联系人：<Contact r={m.point} /></span>
                {m.point.kind === 'team' && <Link to={`/command/resources/teams/${m.point.id}`}>查看队伍详情</Link>}
              </Flex>
            </Card>
          )} />
      </Suspense>
      <NearbyPanel kinds={kinds} />
    </>
  );
}
