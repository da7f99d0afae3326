// A licence's scan: upload it (kept among the enterprise's files) and keep its id; or remove it from the licence.
import { useState } from 'react';
import { App, Button, Flex, Progress, Upload } from 'antd';
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import type { FileMeta } from '../../../../../contracts/platform';
import { upload } from '../../../api/transfer';

interface Props {
  enterpriseId: string;
  /** Set by Form.Item: the file id. */
  value?: string | null;
  onChange?: (fileId: string | null) => void;
}

export function ScanField({ enterpriseId, value, onChange }: Props) {
  const { message } = App.useApp();
  const [percent, setPercent] = useState<number | null>(null);
  const [name, setName] = useState<string | null>(null);

  async function send(file: File) {
    setPercent(0);
    try {
      const meta = await upload<FileMeta>('/api/files', { enterpriseId }, file, setPercent);
      setName(meta.name);
      onChange?.(meta.id);
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setPercent(null);
    }
  }

  if (percent !== null) return <Progress percent={percent} size="small" />;
  return (
    <Flex gap={8} align="center" wrap>
      {value && <a href={`/api/files/${value}/content`}><PaperClipOutlined /> {name ?? '查看扫描件'}</a>}
      <Upload showUploadList={false} accept="image/*,.pdf" beforeUpload={(f) => { void send(f); return false; }}>
        <Button size="small" icon={<UploadOutlined />}>{value ? '重新上传' : '上传扫描件'}</Button>
      </Upload>
      {value && <Button size="small" type="link" danger onClick={() => onChange?.(null)}>移除</Button>}
    </Flex>
  );
}
