// 从 Excel 导入: download the template, upload a filled file, see every bad row. A file with errors writes nothing;
// the user may fix it or import only the good rows. One modal for every register of this part.
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Modal, Result, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { download, upload } from '../../../api/transfer';
import { badRowCount, ImportErrors } from '../../enterprises/list/import/ImportErrors';
import type { ImportResult } from './api';

interface Props { open: boolean; onClose: () => void; title: string; path: string; invalidate: string; hint: string }

export function ImportModal({ open, onClose, title, path, invalidate, hint }: Props) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const close = () => { setFile(null); setResult(null); onClose(); };

  async function send(mode: ImportResult['mode']) {
    if (!file) return;
    setBusy(true);
    try {
      const r = await upload<ImportResult>(`${path}/import?mode=${mode}`, {}, file);
      setResult(r);
      if (r.written) await queryClient.invalidateQueries({ queryKey: [invalidate] });
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const bad = result ? badRowCount(result.errors) : 0;
  const footer = !result ? [<Button key="c" onClick={close}>取消</Button>, <Button key="go" type="primary" disabled={!file} loading={busy} onClick={() => send('all')}>开始导入</Button>]
    : !result.written && result.errors.length ? [<Button key="again" onClick={() => { setFile(null); setResult(null); }}>修改后重新上传</Button>,
      <Button key="valid" type="primary" loading={busy} disabled={result.rows === bad} onClick={() => send('valid-only')}>只导入无误的行（{result.rows - bad} 行）</Button>]
    : [<Button key="ok" type="primary" onClick={close}>完成</Button>];

  return (
    <Modal open={open} title={title} onCancel={close} footer={footer} width={{ xs: '100%', md: 720 }} destroyOnHidden>
      {!result && (
        <Flex vertical gap={16}>
          <Alert type="info" showIcon title={hint} />
          <div>
            <Button icon={<DownloadOutlined />} onClick={() => download(`${path}/import-template`, undefined, `${title}模板.xlsx`).catch((e: Error) => message.error(e.message))}>下载导入模板</Button>
          </div>
          <Upload.Dragger accept=".xlsx" maxCount={1} beforeUpload={(f) => { setFile(f); return false; }}
            fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []} onRemove={() => setFile(null)}>
            <p className="ant-upload-drag-icon"><InboxOutlined /></p>
            <p className="ant-upload-text">点击或拖入填好的 Excel 文件（.xlsx）</p>
          </Upload.Dragger>
        </Flex>
      )}
      {result && !result.written && (
        <Flex vertical gap={12}>
          <Alert type="error" showIcon title={`文件共 ${result.rows} 行，其中 ${bad} 行有误，未写入任何数据`} description="请按下表修改文件后重新上传；也可以只导入无误的行。" />
          <ImportErrors errors={result.errors} />
        </Flex>
      )}
      {result?.written && (
        <Flex vertical gap={12}>
          <Result status="success" style={{ padding: 16 }} title="导入完成" subTitle={`共 ${result.rows} 行：新增 ${result.created} 条${result.skipped ? `，跳过有误的 ${result.skipped} 行` : ''}。`} />
          {result.errors.length > 0 && <ImportErrors errors={result.errors} />}
        </Flex>
      )}
    </Modal>
  );
}
