// A horizontal bar in a table cell: the found count against the largest group, its closed part in green.
import { Tooltip } from 'antd';

export function StatsBar({ found, closed, max }: { found: number; closed: number; max: number }) {
  const width = max ? (found / max) * 100 : 0;
  const closedShare = found ? (closed / found) * 100 : 0;
  return (
    <Tooltip title={`发现 ${found}，已销号 ${closed}`}>
      <div style={{ width: '100%', minWidth: 120, height: 14, background: '#f5f5f5', borderRadius: 3 }}>
        <div style={{ width: `${width}%`, height: '100%', background: '#ffccc7', borderRadius: 3, overflow: 'hidden' }}>
          <div style={{ width: `${closedShare}%`, height: '100%', background: '#73d13d' }} />
        </div>
      </div>
    </Tooltip>
  );
}
