// The frame of the pages anyone may open without an account: the bureau's name, the page, nothing of the app.
import type { ReactNode } from 'react';
import { Flex, Layout, Typography } from 'antd';

export function PublicLayout({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f7fa' }}>
      <Layout.Header style={{ background: '#0b4f9c', paddingInline: 16, height: 'auto', lineHeight: 1.4, paddingBlock: 12 }}>
        <Typography.Text style={{ color: '#fff', fontSize: 18, fontWeight: 600 }}>应急管理局 · {title}</Typography.Text>
      </Layout.Header>
      <Layout.Content style={{ padding: 16 }}>
        <Flex vertical gap={16} style={{ maxWidth: 1000, margin: '0 auto' }}>{children}</Flex>
      </Layout.Content>
    </Layout>
  );
}
