// The frame of every signed-in page: side menu (a drawer on a phone), header and content.
import { Suspense, useEffect, useState } from 'react';
import { Outlet, useLocation } from 'react-router';
import { Drawer, Grid, Layout, theme } from 'antd';
import { FullPageSpin } from '../../components/FullPageSpin';
import { CommandStrip } from '../../pages/command/duty/CommandBanner';
import { findEntry } from '../access';
import { HeaderBar } from './HeaderBar';
import { SideMenu } from './SideMenu';
import { useServerEvents } from './useServerEvents';

const SITE_NAME = '应急管理综合应用平台';

export function AppLayout() {
  const screens = Grid.useBreakpoint();
  const phone = screens.md === false;
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const { pathname } = useLocation();
  const { token } = theme.useToken();
  useServerEvents();

  useEffect(() => {
    const title = findEntry(pathname)?.entry.title;
    document.title = title ? `${title} - ${SITE_NAME}` : SITE_NAME;
  }, [pathname]);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ position: 'sticky', top: 0, zIndex: 10, padding: '0 12px', lineHeight: 'normal', background: token.colorBgContainer, borderBottom: `1px solid ${token.colorBorderSecondary}` }}>
        <HeaderBar compact={phone} onToggleMenu={() => (phone ? setDrawerOpen(true) : setCollapsed(!collapsed))} />
      </Layout.Header>
      <CommandStrip />
      <Layout>
        {phone ? (
          <Drawer placement="left" open={drawerOpen} onClose={() => setDrawerOpen(false)} size={260} title="功能菜单" styles={{ body: { padding: 0 } }}>
            <SideMenu onNavigate={() => setDrawerOpen(false)} />
          </Drawer>
        ) : (
          <Layout.Sider width={220} collapsedWidth={64} collapsed={collapsed} theme="light"
            style={{ borderInlineEnd: `1px solid ${token.colorBorderSecondary}`, overflow: 'auto' }}>
            <SideMenu collapsed={collapsed} />
          </Layout.Sider>
        )}
        <Layout.Content style={{ padding: phone ? 12 : 24, minWidth: 0 }}>
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
