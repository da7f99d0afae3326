// Past self-checks of the enterprise (or of all enterprises in reach), newest first.
import { Link } from 'react-router';
import { Flex, Space, Typography, type TableColumnsType } from 'antd';
import { formatTime } from '../../../components/format';
import { PagedTable } from '../../../components/list/PagedTable';
import { CHECK_RECORDS, hazardPath, type CheckRecord } from '../hazardApi';

const columns: TableColumnsType<CheckRecord> = [
  { title: '检查时间', dataIndex: 'checkedAt', render: formatTime },
  { title: '检查表', dataIndex: 'templateName' },
  { title: '检查人', dataIndex: 'checkerName' },
  { title: '结果', key: 'result', render: (_, r) => (
    <Flex vertical>
      <span>{r.results.length} 项，{r.failedCount ? <Typography.Text type="danger">{r.failedCount} 项不合格</Typography.Text> : '全部合格'}</span>
      {r.hazardIds.length > 0 && (
        <Space size={4} wrap>转为隐患：{r.hazardIds.map((id, i) => <Link key={id} to={hazardPath(id)}>#{i + 1}</Link>)}</Space>
      )}
    </Flex>
  ) },
];

export function CheckRecords({ enterpriseId }: { enterpriseId?: string }) {
  return (
    <PagedTable<CheckRecord> path={CHECK_RECORDS} rowKey="id" columns={columns} params={enterpriseId ? { enterpriseId } : undefined}
      emptyText="还没有自查记录。" />
  );
}
