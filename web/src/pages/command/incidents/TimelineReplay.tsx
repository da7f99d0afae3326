// 时间线回放: every entry in time order; the slider steps through them as the response unfolded.
import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Slider, Space, Timeline, Typography } from 'antd';
import { api } from '../../../api/client';
import { formatTime } from '../../../components/format';
import { INCIDENTS, type TimelineItem } from './incidentApi';

export function TimelineReplay({ incidentId }: { incidentId: string }) {
  const q = useQuery({ queryKey: [INCIDENTS, incidentId, 'timeline'], queryFn: () => api.get<TimelineItem[]>(`${INCIDENTS}/${incidentId}/timeline`) });
  const items = q.data ?? [];
  const [pos, setPos] = useState<number | null>(null);
  const [playing, setPlaying] = useState(false);
  const shown = pos ?? items.length;
  useEffect(() => {
    if (!playing) return;
    const t = setInterval(() => setPos((p) => { const n = (p ?? 0) + 1; if (n >= items.length) { setPlaying(false); return null; } return n; }), 800);
    return () => clearInterval(t);
  }, [playing, items.length]);
  return (
    <Card size="small" title="时间线" data-testid="timeline"
      extra={<Space>
        <Button size="small" onClick={() => { setPos(1); setPlaying(true); }} disabled={items.length < 2}>回放</Button>
        {pos != null && <Button size="small" onClick={() => { setPlaying(false); setPos(null); }}>全部</Button>}
      </Space>}>
      {items.length > 1 && (
        <Slider min={1} max={items.length} value={shown} onChange={(v) => { setPlaying(false); setPos(v === items.length ? null : v); }}
          tooltip={{ formatter: (v) => (v ? formatTime(items[v - 1]?.at) : '') }} />
      )}
      <Timeline items={items.slice(0, shown).map((x) => ({
        key: x.id,
        content: <><Typography.Text type="secondary">{formatTime(x.at)} {x.actorName ?? ''}</Typography.Text><div>{x.text}</div></>,
      }))} />
    </Card>
  );
}
