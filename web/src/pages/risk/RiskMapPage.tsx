// 风险四色图: each town or park coloured by its highest risk level, with its count of each colour.
import { useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Empty, Flex, Row, Skeleton, Statistic, Typography } from 'antd';
import type { Static } from '@sinclair/typebox';
import { api } from '../../api/client';
import type { RiskMapRegion } from '../../../../contracts/hazards';
import { PageHeader } from '../../components/PageHeader';
import { RISK_COLOURS, RISK_LEVELS, RISK_ORDER, type RiskColour } from '../hazards/codes';
import { RISK_MAP } from '../hazards/hazardApi';
import { RiskTownMap } from './RiskTownMap';

type MapRegion = Static<typeof RiskMapRegion>;

function RegionCell({ region, onOpen }: { region: MapRegion; onOpen: () => void }) {
  const colour = region.top ? RISK_COLOURS[region.top] : null;
  return (
    <Card size="small" hoverable onClick={onOpen} data-testid="risk-region"
      style={{ background: colour?.hex ?? '#f5f5f5', borderColor: colour?.hex ?? '#d9d9d9', height: '100%' }}
      styles={{ body: { padding: 12 } }}>
      <Typography.Text strong style={{ color: colour?.text ?? '#666', fontSize: 15 }}>{region.regionName}</Typography.Text>
      <Flex wrap gap={4} style={{ marginTop: 8 }}>
        {region.top ? RISK_ORDER.filter((l) => region[l] > 0).map((l) => (
          <span key={l} style={{ background: '#fff', color: '#333', borderRadius: 4, padding: '0 6px', fontSize: 12, border: `2px solid ${RISK_COLOURS[l].hex}` }}>
            {RISK_COLOURS[l].name} {region[l]}
          </span>
        )) : <Typography.Text type="secondary" style={{ fontSize: 12 }}>未登记风险点</Typography.Text>}
      </Flex>
    </Card>
  );
}

export default function RiskMapPage() {
  const navigate = useNavigate();
  const map = useQuery({ queryKey: [RISK_MAP], queryFn: () => api.get<MapRegion[]>(RISK_MAP) });
  const regions = map.data ?? [];
  const total = (l: RiskColour) => regions.reduce((n, r) => n + r[l], 0);

  return (
    <>
      <PageHeader title="风险四色图">各乡镇（园区）按其最高风险等级着色：红 重大、橙 较大、黄 一般、蓝 低风险。点击乡镇查看其风险点。</PageHeader>
      {map.isError && <Alert type="error" showIcon title="加载失败" description={map.error.message} style={{ marginBottom: 12 }} />}
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {RISK_ORDER.map((l) => (
          <Col key={l} xs={12} md={6}>
            <Card size="small" style={{ borderTop: `4px solid ${RISK_COLOURS[l].hex}` }}>
              <Statistic title={`${RISK_COLOURS[l].name} · ${RISK_LEVELS[l]}`} value={total(l)} suffix="处" />
            </Card>
          </Col>
        ))}
      </Row>
      {map.isPending ? <Skeleton active /> : regions.length === 0 ? <Empty description="还没有登记风险点的乡镇或园区" /> : (
        <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
          {regions.map((r) => (
            <Col key={r.regionCode} xs={12} sm={8} md={6} xl={4}>
              <RegionCell region={r} onOpen={() => navigate(`/hazards/risks?regionCode=${r.regionCode}`)} />
            </Col>
          ))}
        </Row>
      )}
      <RiskTownMap regions={regions} />
    </>
  );
}
