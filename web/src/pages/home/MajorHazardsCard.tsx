// 未销号重大隐患: every open major hazard in the account's scope stays on the home page until it is closed
// ("重大安全隐患动态清零").
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Card, Empty, List, Tag, Typography } from 'antd';
import { api } from '../../api/client';
import type { PageOf } from '../../api/types';
import type { Hazard } from '../../../../contracts/hazards';
import { HAZARD_STATUSES } from '../../../../contracts/hazards';

export function MajorHazardsCard() {
  const q = useQuery({
    queryKey: ['/api/hazards', { level: 'major', open: true, pageSize: 50 }],
    queryFn: () => api.get<PageOf<Hazard>>('/api/hazards', { level: 'major', open: true, pageSize: 50 }),
  });
  const total = q.data?.total ?? 0;
  return (
    <Card title={<>未销号重大隐患 {total > 0 && <Tag color="red">{total}</Tag>}</>} loading={q.isPending} data-testid="major-hazards-card"
      extra={<Link to="/hazards?view=major">全部</Link>}>
      {total === 0 ? <Empty description="辖区内没有未销号的重大隐患" /> : (
        <List size="small" dataSource={q.data?.items ?? []} renderItem={(h) => (
          <List.Item key={h.id} extra={<>{h.overdue && <Tag color="red">逾期</Tag>}<Tag>{HAZARD_STATUSES[h.status]}</Tag></>}>
            <List.Item.Meta
              title={<Link to={`/hazards/${h.id}`}>{h.title}</Link>}
              description={<Typography.Text type="secondary">{h.enterpriseName ?? h.placeName} · {h.number}{h.deadline ? ` · 期限 ${h.deadline}` : ''}{h.supervisingOrgName ? ` · 督办：${h.supervisingOrgName}` : ''}</Typography.Text>} />
          </List.Item>
        )} />
      )}
    </Card>
  );
}
