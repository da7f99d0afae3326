// The placeholder of a page in the route table that is not built yet: says so, and what it will do.
import { Result } from 'antd';
import { ToolOutlined } from '@ant-design/icons';
import type { RouteEntry } from '../app/routes';
import { PageHeader } from './PageHeader';

export function NotBuilt({ entry }: { entry: RouteEntry }) {
  return (
    <>
      <PageHeader title={entry.title} />
      <Result icon={<ToolOutlined />} title="本功能尚在建设中" subTitle={`建成后将提供：${entry.summary}`} />
    </>
  );
}
