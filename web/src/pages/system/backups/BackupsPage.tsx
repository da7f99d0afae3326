// 备份: the backups the server has taken (database and files), the schedule and retention, and "back up now".
// Restore is deliberately not here: it replaces everything and runs with the server stopped (`yingji restore`).
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Popconfirm, Table, type TableColumnsType } from 'antd';
import { CloudDownloadOutlined } from '@ant-design/icons';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/mutation';
import { formatTime } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';

interface BackupSummary {
  name: string; createdAt: string; database: string; version: string;
  tables: number; rows: number; files: number; bytes: number; elapsedMs: number;
}
interface BackupList { dir: string; keep: number; everyHours: number; items: BackupSummary[] }

const PATH = '/api/system/backups';
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;

const columns: TableColumnsType<BackupSummary> = [
  { title: '备份', dataIndex: 'name' },
  { title: '时间', dataIndex: 'createdAt', render: formatTime },
  { title: '数据库', dataIndex: 'database', render: (v: string) => (v === 'pglite' ? 'PGlite（内置）' : 'PostgreSQL') },
  { title: '数据表', dataIndex: 'tables', render: (v: number, r) => `${v} 张（${r.rows.toLocaleString('zh-CN')} 行）` },
  { title: '附件', dataIndex: 'files', render: (v: number, r) => `${v} 个（${mb(r.bytes)}）` },
  { title: '用时', dataIndex: 'elapsedMs', render: (v: number) => `${(v / 1000).toFixed(1)} 秒` },
  { title: '程序版本', dataIndex: 'version' },
];

export default function BackupsPage() {
  const list = useQuery({ queryKey: [PATH], queryFn: () => api.get<BackupList>(PATH) });
  const backup = useApiMutation(() => api.post<BackupSummary>(PATH, {}), {
    invalidate: [PATH], success: (b) => `备份完成：${b.name}`,
  });
  const data = list.data;
  return (
    <>
      <PageHeader title="数据备份">
        备份包含全部数据表（含审计日志）和全部附件，并记录每张表的行数与校验值，恢复后逐表、逐文件核对。
      </PageHeader>
      {data && (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Descriptions size="small" column={{ xs: 1, md: 3 }} items={[
            { key: 'every', label: '自动备份', children: data.everyHours > 0 ? `每 ${data.everyHours} 小时一次` : '未开启（BACKUP_EVERY_HOURS=0）' },
            { key: 'keep', label: '保留份数', children: `最近 ${data.keep} 份` },
            { key: 'dir', label: '备份目录', children: <code>{data.dir}</code> },
          ]} />
          <Popconfirm title="立即备份数据库和全部附件？" description="备份期间系统照常可用，数据量大时需要几分钟。"
            okText="开始备份" cancelText="取消" onConfirm={() => backup.mutate(undefined)}>
            <Button type="primary" icon={<CloudDownloadOutlined />} loading={backup.isPending} style={{ marginTop: 12 }}>
              {backup.isPending ? '正在备份…' : '立即备份'}
            </Button>
          </Popconfirm>
        </Card>
      )}
      <Alert type="info" showIcon style={{ marginBottom: 16 }}
        title="恢复需要停止服务后在服务器上执行：yingji restore <备份目录> --yes。被替换的数据会改名保留，恢复后自动核对。请另行妥善保管审计密钥，并定期把备份复制到其他介质。" />
      <Table<BackupSummary> rowKey="name" size="middle" loading={list.isLoading} columns={columns} dataSource={data?.items ?? []}
        scroll={{ x: 'max-content' }} pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: '还没有备份。点击「立即备份」创建第一份，或等待服务按计划自动备份。' }} />
    </>
  );
}
