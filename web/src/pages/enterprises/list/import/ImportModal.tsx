// 导入企业: download the template, upload a filled file (with progress), and see every bad row. A file
// with errors writes nothing; the user may then fix the file or choose to import only the good rows.
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Modal, Progress, Result, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { PATHS, type ImportResult } from '../../api';
import { download, upload } from '../../../../api/transfer';
import { badRowCount, ImportErrors } from './ImportErrors';

type Mode = ImportResult['mode'];
type Phase = { step: 'choose' } | { step: 'sending'; percent: number } | { step: 'done'; result: ImportResult };

export function ImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ step: 'choose' });

  function close() {
    setFile(null);
    setPhase({ step: 'choose' });
    onClose();
  }

  async function send(mode: Mode) {
    if (!file) return;
    setPhase({ step: 'sending', percent: 0 });
    try {
      const result = await upload<ImportResult>(`${PATHS.import}?mode=${mode}`, {}, file, (percent) => setPhase({ step: 'sending', percent }));
      setPhase({ step: 'done', result });
      if (result.written) await queryClient.invalidateQueries({ queryKey: [PATHS.list] });
    } catch (e) {
      message.error((e as Error).message);
      setPhase({ step: 'choose' });
    }
  }

  const result = phase.step === 'done' ? phase.result : null;
  const blocked = !!result && !result.written && result.errors.length > 0;
  const footer = phase.step === 'choose' ? [
    <Button key="cancel" onClick={close}>取消</Button>,
    <Button key="go" type="primary" disabled={!file} onClick={() => send('all')}>开始导入</Button>,
  ] : phase.step === 'sending' ? null : blocked ? [
    <Button key="again" onClick={() => { setFile(null); setPhase({ step: 'choose' }); }}>修改后重新上传</Button>,
    <Button key="valid" type="primary" disabled={result.rows === badRowCount(result.errors)} onClick={() => send('valid-only')}>
      只导入无误的行（{result.rows - badRowCount(result.errors)} 行）
    </Button>,
  ] : [<Button key="close" type="primary" onClick={close}>完成</Button>];

  return (
    <Modal open={open} title="从 Excel 导入企业" onCancel={close} footer={footer} width={{ xs: '100%', md: 720 }}
      maskClosable={phase.step !== 'sending'} closable={phase.step !== 'sending'} destroyOnHidden>
      {phase.step === 'choose' && (
        <Flex vertical gap={16}>
          <Alert type="info" showIcon title="按模板填写后上传。以统一社会信用代码识别企业：已有的更新，没有的新增。文件中只要有一行有误，就不会写入任何数据，并列出每一行的错误。" />
          <div>
            <Button icon={<DownloadOutlined />} onClick={() => download(PATHS.importTemplate, undefined, '企业导入模板.xlsx').catch((e: Error) => message.error(e.message))}>
              下载导入模板
            </Button>
          </div>
          <Upload.Dragger accept=".xlsx" maxCount={1} beforeUpload={(f) => { setFile(f); return false; }}
            fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []} onRemove={() => setFile(null)}>
            <p className="ant-upload-drag-icon"><InboxOutlined /></p>
            <p className="ant-upload-text">点击或拖入填好的 Excel 文件（.xlsx）</p>
          </Upload.Dragger>
        </Flex>
      )}
      {phase.step === 'sending' && (
        <Flex vertical align="center" gap={12} style={{ padding: 24 }} data-testid="import-progress">
          <Progress type="circle" percent={phase.percent} status="active" />
          <Typography.Text>{phase.percent < 100 ? `正在上传 ${file?.name ?? ''}…` : '上传完成，正在逐行校验…'}</Typography.Text>
        </Flex>
      )}
      {result && <ImportOutcome result={result} />}
    </Modal>
  );
}

function ImportOutcome({ result }: { result: ImportResult }) {
  const bad = badRowCount(result.errors);
  if (!result.written) {
    return (
      <Flex vertical gap={12}>
        <Alert type="error" showIcon title={`文件共 ${result.rows} 行，其中 ${bad} 行有误，未写入任何数据`}
          description="请按下表修改文件后重新上传；也可以只导入无误的行，有误的行修改后再导入。" />
        <ImportErrors errors={result.errors} />
      </Flex>
    );
  }
  return (
    <Flex vertical gap={12}>
      <Result status="success" style={{ padding: 16 }} title="导入完成"
        subTitle={`共 ${result.rows} 行：新增 ${result.created} 家，更新 ${result.updated} 家${result.skipped ? `，跳过有误的 ${result.skipped} 行` : ''}。`} />
      {result.errors.length > 0 && <>
        <Typography.Text strong>未导入的行（修改后可再次导入）：</Typography.Text>
        <ImportErrors errors={result.errors} />
      </>}
    </Flex>
  );
}
