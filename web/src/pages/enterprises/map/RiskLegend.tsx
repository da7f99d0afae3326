// The colour key of the enterprise map (红橙黄蓝 and 未评定) and how many points are drawn.
import { Flex } from 'antd';
import { NO_RISK_HEX, RISK_LEVELS } from '../codes';

const Dot = ({ colour }: { colour: string }) => (
  <span style={{ display: 'inline-block', width: 10, height: 10, borderRadius: '50%', background: colour, marginInlineEnd: 4, verticalAlign: -1 }} />
);

export function RiskLegend({ total }: { total: number | undefined }) {
  return (
    <Flex vertical gap={2}>
      <Flex wrap gap={8}>
        {RISK_LEVELS.map((r) => <span key={r.code}><Dot colour={r.hex} />{r.label}</span>)}
        <span><Dot colour={NO_RISK_HEX} />未评定</span>
      </Flex>
      {total !== undefined && <span style={{ color: '#8c8c8c' }}>{`地图上 ${total} 家企业`}</span>}
    </Flex>
  );
}
