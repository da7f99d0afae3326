// 首页: a welcome with the account, its data scope and unread messages, and the open major hazards; without 综合态势,
// a pointer to the account's first menu entry.
import { Link, Navigate } from 'react-router';
import { Button, Card, Descriptions, Flex, Result } from 'antd';
import { firstEntry } from '../../app/access';
import { useUnreadCount } from '../../app/inbox';
import { useMe } from '../../app/session';
import { CommandBanner } from '../command/duty/CommandBanner';
import { MajorHazardsCard } from './MajorHazardsCard';

export default function HomePage() {
  const me = useMe();
  const unread = useUnreadCount();

  if (!me.permissions.includes('dashboard:read')) {
    const first = firstEntry(me.permissions);
    return (
      <Flex vertical gap={16}><CommandBanner /><Result status="info" title={`${me.displayName}，您好`}
        subTitle={first ? `您的账号（${me.roleNames.join('、')}）可使用菜单中的功能。` : '您的账号暂未分配任何业务功能，请联系系统管理员。'}
        extra={first && <Link to={first.path}><Button type="primary">进入{first.title}</Button></Link>} /></Flex>
    );
  }

  // A bureau leader's home is the situation at a glance (态势总览).
  if (me.roles.includes('leader')) return <Navigate to="/dashboard" replace />;

  return (
    <Flex vertical gap={16}>
      <CommandBanner />
      <Card title={`${me.displayName}，您好`} data-testid="welcome-card">
        <Descriptions column={{ xs: 1, sm: 2 }} items={[
          { key: 'username', label: '账号', children: me.username },
          { key: 'roles', label: '角色', children: me.roleNames.join('、') },
          { key: 'org', label: '所属单位', children: me.orgName ?? '—' },
          { key: 'scope', label: '数据范围', children: me.scope.label },
          ...(me.enforcementCertNo ? [{ key: 'cert', label: '执法证号', children: me.enforcementCertNo }] : []),
          { key: 'unread', label: '未读消息', children: <Link to="/inbox">{unread.data ? `${unread.data.count} 条` : '—'}</Link> },
        ]} />
      </Card>
      {me.permissions.includes('hazard:read') && <MajorHazardsCard />}
    </Flex>
  );
}
