// 四色图 on the shared region map: one point per town or park at its centre, in the colour of its highest
// risk level; a tap shows its count of each colour and leads to its risk points.
import { Suspense } from 'react';
import { Link } from 'react-router';
import { Button, Card, Flex, Skeleton } from 'antd';
import { CloseOutlined, RightOutlined } from '@ant-design/icons';
import type { Static } from '@sinclair/typebox';
import type { RegionNode } from '../../api/types';
import { RegionMap, type MapMarker } from '../../components/map';
import { useRegionTree } from '../../components/regions';
import type { RiskMapRegion } from '../../../../contracts/hazards';
import { RISK_COLOURS, RISK_LEVELS, RISK_ORDER } from '../hazards/codes';

type Region = Static<typeof RiskMapRegion>;
interface TownMarker extends MapMarker { region: Region }

function centres(nodes: RegionNode[], out = new Map<string, [number, number]>()) {
  for (const n of nodes) {
    if (n.centerLng !== null && n.centerLat !== null) out.set(n.code, [n.centerLng, n.centerLat]);
    centres(n.children, out);
  }
  return out;
}

function TownCard({ region: r, onClose }: { region: Region; onClose: () => void }) {
  return (
    <Card size="small" title={r.regionName} extra={<Button type="text" size="small" icon={<CloseOutlined />} onClick={onClose} aria-label="关闭" />}
      style={{ boxShadow: '0 4px 16px rgba(0,0,0,0.18)' }}>
      <Flex vertical gap={8}>
        <Flex wrap gap={12}>{RISK_ORDER.map((l) => <span key={l} style={{ color: RISK_COLOURS[l].hex, fontWeight: 600 }}>{RISK_LEVELS[l]} {r[l]}</span>)}</Flex>
        <Link to={`/hazards/risks?regionCode=${r.regionCode}`}><Button type="primary" block icon={<RightOutlined />} iconPlacement="end">查看风险点</Button></Link>
      </Flex>
    </Card>
  );
}

export function RiskTownMap({ regions }: { regions: Region[] }) {
  const tree = useRegionTree();
  const at = centres(tree.data ?? []);
  const markers: TownMarker[] = regions.flatMap((r) => {
    const c = at.get(r.regionCode);
    if (!c || !r.top) return [];
    return [{ id: r.regionCode, lng: c[0], lat: c[1], colour: RISK_COLOURS[r.top].hex, rank: 4 - RISK_ORDER.indexOf(r.top), title: r.regionName, region: r }];
  });
  const legend = <Flex wrap gap={8}>{RISK_ORDER.map((l) => <span key={l}><span style={{ display: 'inline-block', width: 10, height: 10, borderRadius: '50%', background: RISK_COLOURS[l].hex, marginInlineEnd: 4 }} />{RISK_LEVELS[l]}</span>)}</Flex>;
  return (
    <Suspense fallback={<Skeleton active />}>
      <RegionMap<TownMarker> markers={markers} loading={tree.isPending} legend={legend} height="55vh"
        renderCard={(m, close) => <TownCard region={m.region} onClose={close} />} />
    </Suspense>
  );
}
