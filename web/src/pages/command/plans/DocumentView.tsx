// 预案原件: upload (Word or PDF) and preview inline; Word is converted on the server when LibreOffice is there.
import { Alert, Button, Flex, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/mutation';
import { upload } from '../../../api/transfer';
import { VERSIONS, type PlanVersion } from './plansApi';

export function DocumentView({ version }: { version: PlanVersion }) {
  const attach = useApiMutation(async (file: File) => {
    const f = await upload<{ id: string }>('/api/files', {}, file);
    return api.put<PlanVersion>(`${VERSIONS}/${version.id}/attachment`, { fileId: f.id });
  }, { invalidate: [VERSIONS], success: '已上传预案原件' });
  const a = version.attachment;
  const editable = version.moves.includes('edit') || version.moves.includes('submit');
  return (
    <Flex vertical gap={8}>
      <Flex gap={8} wrap align="center">
        {a ? <span>{a.name}（{Math.ceil(a.size / 1024)} KB）</span> : <span>尚未上传预案原件。</span>}
        {a && <Button href={`/api/files/${a.id}/content`}>下载</Button>}
        {editable && (
          <Upload accept=".pdf,.doc,.docx" showUploadList={false} beforeUpload={(file) => { attach.mutate(file); return false; }}>
            <Button icon={<UploadOutlined />} loading={attach.isPending}>{a ? '更换原件' : '上传原件（Word 或 PDF）'}</Button>
          </Upload>
        )}
      </Flex>
      {a && (a.previewable
        ? <iframe title="预案原件预览" src={`${VERSIONS}/${version.id}/preview`} style={{ width: '100%', height: '70vh', border: '1px solid #eee' }} />
        : <Alert type="info" showIcon title="该类型文件不能在线预览，请下载后查看" />)}
    </Flex>
  );
}
