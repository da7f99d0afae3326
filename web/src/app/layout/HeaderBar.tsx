// The top bar: menu toggle, the platform name, the inbox bell and the account menu.
import { Link, useNavigate } from 'react-router';
import { Badge, Button, Dropdown, Flex, Typography } from 'antd';
import { BellOutlined, KeyOutlined, LaptopOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { useUnreadCount } from '../inbox';
import { logout, useMe } from '../session';

interface Props {
  compact: boolean;
  onToggleMenu: () => void;
}

export function HeaderBar({ compact, onToggleMenu }: Props) {
  const me = useMe();
  const navigate = useNavigate();
  const unread = useUnreadCount();

  const accountMenu = {
    items: [
      { key: '/change-password', icon: <KeyOutlined />, label: '修改密码' },
      { key: '/me/sessions', icon: <LaptopOutlined />, label: '我的会话' },
      { type: 'divider' as const },
      { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', danger: true },
    ],
    onClick: ({ key }: { key: string }) => (key === 'logout' ? void logout() : navigate(key)),
  };

  return (
    <Flex align="center" justify="space-between" gap={8} style={{ height: '100%' }}>
      <Flex align="center" gap={8} style={{ minWidth: 0 }}>
        <Button type="text" icon={<MenuOutlined />} onClick={onToggleMenu} aria-label="展开或收起菜单" />
        <Link to="/" style={{ color: 'inherit' }}>
          <Typography.Text strong ellipsis style={{ fontSize: 16 }}>{compact ? '应急平台' : '应急管理综合应用平台'}</Typography.Text>
        </Link>
      </Flex>
      <Flex align="center" gap={compact ? 4 : 16}>
        <Link to="/inbox" aria-label="消息">
          <Badge count={unread.data?.count ?? 0} size="small">
            <BellOutlined style={{ fontSize: 18, color: 'rgba(0,0,0,0.65)' }} />
          </Badge>
        </Link>
        <Dropdown menu={accountMenu} trigger={['click']}>
          <Button type="text" data-testid="account-menu" style={{ height: 'auto', padding: '4px 8px' }}>
            <Flex align="center" gap={8}>
              <UserOutlined />
              <Flex vertical align="flex-start" style={{ lineHeight: 1.3 }}>
                <span>{me.displayName}</span>
                {!compact && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {me.roleNames.join('、')} · {me.scope.label}
                  </Typography.Text>
                )}
              </Flex>
            </Flex>
          </Button>
        </Dropdown>
      </Flex>
    </Flex>
  );
}
