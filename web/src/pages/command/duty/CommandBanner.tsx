// 平战转换: when an incident at or above the set response level is active and the account is part of its response, the
// duty desk and the home page show this banner (the incident, its level, how long the response has run, open tasks, a link
// into the command page); CommandStrip is the thin red line the app shell shows on every page meanwhile.
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Space, Tag, Typography } from 'antd';
import type { CommandMode } from '../../../../../contracts/command-duty';
import { api } from '../../../api/client';
import { useMe } from '../../../app/session';

export const MODE_PATH = '/api/command/mode';
const LEVEL = ['', 'Ⅰ级', 'Ⅱ级', 'Ⅲ级', 'Ⅳ级'];

/** The switch's state for an account that may read the command desk (refreshed every minute and by events). */
export function useCommandMode() {
  const me = useMe();
  const allowed = me.permissions.includes('command:read');
  return useQuery({ queryKey: [MODE_PATH], queryFn: () => api.get<CommandMode>(MODE_PATH), enabled: allowed, refetchInterval: 60_000, staleTime: 30_000 });
}

const elapsed = (min: number) => (min >= 60 ? `${Math.floor(min / 60)} 小时 ${min % 60} 分` : `${min} 分钟`);

/** The command view's banner, one per active incident; nothing in peacetime. */
export function CommandBanner() {
  const mode = useCommandMode();
  if (mode.data?.mode !== 'emergency') return null;
  return (
    <Flex vertical gap={8} data-testid="command-banner">
      {mode.data.incidents.map((i) => (
        <Alert key={i.id} type="error" showIcon style={{ borderWidth: 2 }}
          title={<Typography.Title level={4} style={{ margin: 0, color: '#a8071a' }}>应急响应中：{i.title}</Typography.Title>}
          description={<Space wrap size={[12, 4]}>
            <Tag color="red">{LEVEL[i.responseLevel]}响应</Tag>
            <span>{i.number}</span><span>{i.address}</span>
            <span>已持续 {elapsed(i.elapsedMinutes)}</span>
            {i.openTasks !== null && <span>未完成任务 {i.openTasks} 项</span>}
          </Space>}
          action={<Link to={i.link}><Button type="primary" danger size="large">进入指挥</Button></Link>} />
      ))}
    </Flex>
  );
}

/** A thin red strip over every page while the account is part of an active response. */
export function CommandStrip() {
  const mode = useCommandMode();
  const first = mode.data?.mode === 'emergency' ? mode.data.incidents[0] : undefined;
  if (!first) return null;
  return (
    <Link to={first.link} data-testid="command-strip" style={{ display: 'block', background: '#cf1322', color: '#fff', fontSize: 12, lineHeight: '22px', padding: '0 12px',
      whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
      战时状态：{first.title}（{LEVEL[first.responseLevel]}响应，已持续 {elapsed(first.elapsedMinutes)}）{mode.data!.incidents.length > 1 ? ` 等 ${mode.data!.incidents.length} 起` : ''} · 点击进入指挥
    </Link>
  );
}
