// Open hazards on the shared region map, coloured by urgency (逾期, 重大, 一般); a tap opens the hazard's card.
import { Suspense } from 'react';
import { Link } from 'react-router';
import { Button, Card, Flex, Skeleton, Typography } from 'antd';
import { CloseOutlined, RightOutlined } from '@ant-design/icons';
import { RegionMap, type MapMarker } from '../../components/map';
import { hazardPath, type Hazard } from './hazardApi';
import { DeadlineText, HazardTags } from './HazardTags';

const KEY = [{ colour: '#820014', label: '逾期' }, { colour: '#f5222d', label: '重大隐患' }, { colour: '#fa8c16', label: '一般隐患' }];
interface HazardMarker extends MapMarker { hazard: Hazard }

function marker(h: Hazard): HazardMarker {
  const [rank, colour] = h.overdue ? [3, KEY[0].colour] : h.level === 'major' ? [2, KEY[1].colour] : [1, KEY[2].colour];
  return { id: h.id, lng: h.lng!, lat: h.lat!, colour, rank, title: h.title, hazard: h };
}

function HazardCard({ h, onClose }: { h: Hazard; onClose: () => void }) {
  return (
    <Card size="small" title={<Typography.Text strong ellipsis={{ tooltip: h.title }}>{h.title}</Typography.Text>}
      extra={<Button type="text" size="small" icon={<CloseOutlined />} onClick={onClose} aria-label="关闭" />} style={{ boxShadow: '0 4px 16px rgba(0,0,0,0.18)' }}>
      <Flex vertical gap={6}>
        <Typography.Text type="secondary">{h.number} · {h.enterpriseName ?? h.placeName ?? ''}</Typography.Text>
        <HazardTags hazard={h} />
        <span>整改期限：<DeadlineText hazard={h} /></span>
        <Link to={hazardPath(h.id)}><Button type="primary" block icon={<RightOutlined />} iconPlacement="end">查看隐患</Button></Link>
      </Flex>
    </Card>
  );
}

export function HazardMap({ items, loading }: { items: Hazard[]; loading: boolean }) {
  const placed = items.filter((h) => h.lng !== null && h.lat !== null);
  const legend = (
    <Flex vertical gap={2}>
      <Flex wrap gap={8}>
        {KEY.map((k) => <span key={k.label}><span style={{ display: 'inline-block', width: 10, height: 10, borderRadius: '50%', background: k.colour, marginInlineEnd: 4 }} />{k.label}</span>)}
      </Flex>
      <span style={{ color: '#8c8c8c' }}>地图上 {placed.length} 条{placed.length < items.length ? `，${items.length - placed.length} 条无坐标未显示` : ''}</span>
    </Flex>
  );
  return (
    <Suspense fallback={<Skeleton active />}>
      <RegionMap<HazardMarker> markers={placed.map(marker)} loading={loading} legend={legend} height="65vh"
        renderCard={(m, close) => <HazardCard h={m.hazard} onClose={close} />} />
    </Suspense>
  );
}
