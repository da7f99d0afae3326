// The centred card of the pages outside the frame: login and the password change.
import type { ReactNode } from 'react';
import { Card, Flex, Typography } from 'antd';

export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Flex justify="center" align="center" style={{ minHeight: '100vh', padding: 16, background: '#f0f2f5' }}>
      <Card style={{ width: '100%', maxWidth: 420 }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 0 }}>应急管理综合应用平台</Typography.Title>
        <Typography.Title level={5} type="secondary" style={{ textAlign: 'center', marginTop: 0, marginBottom: 24 }}>{title}</Typography.Title>
        {children}
      </Card>
    </Flex>
  );
}
