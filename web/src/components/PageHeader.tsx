// The title row of a page, with its actions on the right (wrapping under the title on a phone).
import type { ReactNode } from 'react';
import { Flex, Typography } from 'antd';

export function PageHeader({ title, extra, children }: { title: ReactNode; extra?: ReactNode; children?: ReactNode }) {
  return (
    <div style={{ marginBottom: 16 }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>{title}</Typography.Title>
        {extra && <Flex wrap gap={8}>{extra}</Flex>}
      </Flex>
      {children && <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>{children}</Typography.Paragraph>}
    </div>
  );
}
