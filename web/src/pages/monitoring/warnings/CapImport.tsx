// 导入 CAP: pick a CAP 1.2 XML file (from the weather or hydrological service) or paste its text, see what it
// would become (checked by the server, nothing saved), then save it as a draft to issue after review.
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, Button, Descriptions, Flex, Input, Modal, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/mutation';
import { formatTime } from '../../../components/format';
import { OVERVIEW, WARNING_KINDS, WARNINGS, type CapPreview, type Warning } from '../monitoringApi';
import { WarningColourTag } from '../MonitoringTags';

const MAX_BYTES = 200_000;

export function CapImport({ open, onClose }: { open: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const [xml, setXml] = useState('');
  const [fileName, setFileName] = useState<string>();
  const [preview, setPreview] = useState<CapPreview | null>(null);
  const close = () => { setXml(''); setPreview(null); setFileName(undefined); onClose(); };
  const check = useApiMutation((text: string) => api.post<CapPreview>(`${WARNINGS}/import/preview`, { xml: text }), { onSuccess: setPreview });
  const save = useApiMutation(() => api.post<Warning>(`${WARNINGS}/import`, { xml }), {
    invalidate: [WARNINGS, OVERVIEW], success: (w) => (w.status === 'cancelled' ? '已按解除消息解除对应预警' : '已保存为预警草稿，核对后即可发布'),
    onSuccess: (w) => { close(); navigate(`/monitoring/warnings/${w.id}`); },
  });
  const p = preview;
  const w = p?.warning;
  const blocked = !p || p.alreadyImported || (p.msgType === 'Cancel' ? !p.cancels : !p.regionNames.length);
  return (
    <Modal open={open} title="导入 CAP 1.2 预警" onCancel={close} destroyOnHidden width={760} centered
      footer={<>
        <Button onClick={close}>取消</Button>
        <Button onClick={() => check.mutate(xml)} disabled={!xml.trim()} loading={check.isPending}>预览</Button>
        <Button type="primary" onClick={() => save.mutate(undefined)} disabled={blocked} loading={save.isPending}>{p?.msgType === 'Cancel' ? '解除对应预警' : '保存为草稿'}</Button>
      </>}>
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">选择气象、水文等部门发来的 CAP 1.2 XML 文件，或粘贴其内容；预览核对后保存为草稿，再由您发布。</Typography.Text>
        <Upload accept=".xml,.cap,application/xml,text/xml" maxCount={1} showUploadList={false} beforeUpload={(file) => {
          if (file.size > MAX_BYTES) { setPreview(null); setXml(''); setFileName(`${file.name}（超过 200 KB，不能导入）`); return false; }
          void file.text().then((text) => { setXml(text); setFileName(file.name); setPreview(null); check.mutate(text); });
          return false;
        }}>
          <Button icon={<UploadOutlined />}>选择 XML 文件</Button>
          {fileName && <Typography.Text style={{ marginInlineStart: 8 }}>{fileName}</Typography.Text>}
        </Upload>
        <Input.TextArea aria-label="CAP XML" value={xml} onChange={(e) => { setXml(e.target.value); setPreview(null); }} autoSize={{ minRows: 4, maxRows: 10 }}
          placeholder={'<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">…</alert>'} style={{ fontFamily: 'monospace', fontSize: 12 }} />
        {p && w && (
          <div data-testid="cap-preview">
            {p.alreadyImported && <Alert type="warning" showIcon title={`该预警已导入过（${p.sender} / ${p.capIdentifier}），不能重复导入`} style={{ marginBottom: 8 }} />}
            {p.msgType === 'Cancel' && <Alert type={p.cancels ? 'info' : 'error'} showIcon style={{ marginBottom: 8 }}
              title={p.cancels ? `这是解除消息：将解除「${p.cancels.headline}」` : '这是解除消息，但本平台没有它所指的预警'} />}
            {!!p.unknownRegions.length && <Alert type="warning" showIcon style={{ marginBottom: 8 }}
              title={p.regionNames.length ? `以下区划不在本平台，导入时略去：${p.unknownRegions.join('、')}` : `CAP 中的区划都不在本平台（${p.unknownRegions.join('、')}），不能导入`} />}
            <Descriptions size="small" bordered column={1} items={[
              { label: '预警', children: <Flex gap={8} align="center" wrap><WarningColourTag colour={w.colour} />{w.headline}</Flex> },
              { label: '类别', children: `${WARNING_KINDS[w.kind]} · ${w.event}` },
              { label: '区域', children: p.regionNames.join('、') || '—' },
              { label: '有效期', children: `${formatTime(w.effectiveAt)} 至 ${formatTime(w.expiresAt)}` },
              { label: '发布单位', children: `${p.senderName}（${p.sender}，${formatTime(p.sentAt)}）` },
              { label: '预警内容', children: <div style={{ whiteSpace: 'pre-wrap' }}>{w.description}</div> },
              { label: '防御指南', children: <div style={{ whiteSpace: 'pre-wrap' }}>{w.guidance}</div> },
            ]} />
          </div>
        )}
      </Flex>
    </Modal>
  );
}
