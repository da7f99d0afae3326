// The card of an enterprise clicked on the map: what it is, its state and risk, and the way to its page.
import { Link } from 'react-router';
import { Button, Card, Space, Typography } from 'antd';
import { CloseOutlined, RightOutlined } from '@ant-design/icons';
import type { MapPoint } from '../api';
import { sectorLabel } from '../codes';
import { EnterpriseStatusTag, RiskTag } from '../EnterpriseTags';

export function MapCard({ point: p, onClose }: { point: MapPoint; onClose: () => void }) {
  return (
    <Card size="small" data-testid="map-card" title={<Typography.Text strong ellipsis={{ tooltip: p.name }}>{p.name}</Typography.Text>}
      extra={<Button type="text" size="small" icon={<CloseOutlined />} onClick={onClose} aria-label="关闭" />}
      styles={{ body: { paddingTop: 8 } }} style={{ boxShadow: '0 4px 16px rgba(0,0,0,0.18)' }}>
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        <Space size={[0, 4]} wrap><EnterpriseStatusTag status={p.status} /><RiskTag level={p.riskLevel} /></Space>
        <Typography.Text type="secondary">{sectorLabel(p.sector)}</Typography.Text>
        <Link to={`/enterprises/${p.id}`}>
          <Button type="primary" block icon={<RightOutlined />} iconPlacement="end">查看一企一档</Button>
        </Link>
      </Space>
    </Card>
  );
}
