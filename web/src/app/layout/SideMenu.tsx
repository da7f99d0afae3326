// The side menu, built from the route table and filtered by the account's permissions.
import { useEffect, useMemo, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Menu, type MenuProps } from 'antd';
import { useMe } from '../session';
import { findEntry, visibleGroups } from '../access';

export function SideMenu({ collapsed = false, onNavigate }: { collapsed?: boolean; onNavigate?: () => void }) {
  const me = useMe();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const current = findEntry(pathname);
  const currentGroup = current?.group.key;
  const [openKeys, setOpenKeys] = useState<string[]>(currentGroup ? [currentGroup] : []);

  // Arriving at a page (link, back button) opens its group.
  useEffect(() => {
    if (currentGroup) setOpenKeys((keys) => (keys.includes(currentGroup) ? keys : [...keys, currentGroup]));
  }, [currentGroup]);

  const items = useMemo<MenuProps['items']>(
    () => visibleGroups(me.permissions).map((group) => ({
      key: group.key,
      icon: <group.icon />,
      label: group.title,
      children: group.entries.map((entry) => ({ key: entry.path, label: entry.title })),
    })),
    [me.permissions],
  );

  return (
    <nav data-testid="side-menu" aria-label="功能菜单">
      <Menu
        mode="inline"
        items={items}
        selectedKeys={current ? [current.entry.path] : []}
        {...(collapsed ? {} : { openKeys, onOpenChange: setOpenKeys })}
        onClick={({ key }) => {
          navigate(key);
          onNavigate?.();
        }}
        style={{ borderInlineEnd: 'none' }}
        inlineCollapsed={collapsed}
      />
    </nav>
  );
}
