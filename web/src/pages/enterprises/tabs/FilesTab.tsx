// 附件: the files kept for this enterprise (licence scans, assessment reports, photos), with upload and progress.
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Progress, Typography, Upload, type TableColumnsType } from 'antd';
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import type { FileMeta } from '../../../../../contracts/platform';
import type { EnterpriseTabProps } from '../../../app/enterprise-tabs';
import { formatTime } from '../../../components/format';
import { PagedTable } from '../../../components/list/PagedTable';
import { useEnterpriseAccess } from '../access';
import { upload } from '../../../api/transfer';

const FILES = '/api/files';

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const columns: TableColumnsType<FileMeta> = [
  { title: '文件名', dataIndex: 'name', render: (name: string, f) => (
    <a href={`/api/files/${f.id}/content`} download={name}><PaperClipOutlined style={{ marginInlineEnd: 4 }} />{name}</a>
  ) },
  { title: '大小', dataIndex: 'size', align: 'right', render: size },
  { title: '上传时间', dataIndex: 'createdAt', render: formatTime },
];

export default function FilesTab({ enterpriseId }: EnterpriseTabProps) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const can = useEnterpriseAccess(enterpriseId);
  const [sending, setSending] = useState<{ name: string; percent: number } | null>(null);

  async function send(file: File) {
    setSending({ name: file.name, percent: 0 });
    try {
      await upload<FileMeta>(FILES, { enterpriseId }, file, (percent) => setSending({ name: file.name, percent }));
      message.success(`已上传：${file.name}`);
      await queryClient.invalidateQueries({ queryKey: [FILES] });
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setSending(null);
    }
  }

  const toolbar = can.uploadFiles && (
    <Upload showUploadList={false} disabled={!!sending} beforeUpload={(f) => { void send(f); return false; }}>
      <Button type="primary" icon={<UploadOutlined />} loading={!!sending}>上传附件</Button>
    </Upload>
  );

  return (
    <Flex vertical gap={8}>
      {sending && (
        <Flex align="center" gap={12}>
          <Typography.Text ellipsis style={{ maxWidth: 240 }}>{sending.name}</Typography.Text>
          <Progress percent={sending.percent} size="small" style={{ flex: 1, margin: 0 }} />
        </Flex>
      )}
      <PagedTable<FileMeta> path={FILES} params={{ enterpriseId }} rowKey="id" columns={columns} toolbar={toolbar}
        emptyText={can.uploadFiles ? '还没有附件。点击“上传附件”添加证照扫描件、评价报告、现场照片等。' : '还没有附件。'} />
    </Flex>
  );
}
