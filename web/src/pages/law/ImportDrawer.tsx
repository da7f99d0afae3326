// 导入新版本: paste the text or upload a .docx/.txt, preview the split into articles, correct it by hand (edit, merge,
// split, delete), then save it as a version in force from a day.
import { useState } from 'react';
import { Alert, Button, DatePicker, Drawer, Flex, Form, Input, List, Space, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { api } from '../../api/client';
import { useApiMutation } from '../../api/mutation';
import { upload } from '../../api/transfer';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ARTICLES, SOURCES, type EditableArticle, type ImportPreview, type SourceDetail } from './lawApi';
import { editable, mergeNext, split } from './importEdit';

export function ImportDrawer({ source, open, onClose }: { source: SourceDetail; open: boolean; onClose: () => void }) {
  const [text, setText] = useState('');
  const [warnings, setWarnings] = useState<string[]>([]);
  const [list, setList] = useState<EditableArticle[]>();
  const [meta, setMeta] = useState<{ label?: string; docNumber?: string; effectiveFrom?: Dayjs | null }>({});
  const show = (p: ImportPreview) => { setWarnings(p.warnings); setList(editable(p.articles)); };
  const preview = useApiMutation(() => api.post<ImportPreview>('/api/law/import/preview', { text }), { onSuccess: show });
  const fromFile = useApiMutation((f: File) => upload<ImportPreview>('/api/law/import/preview-file', {}, f), { onSuccess: show });
  const save = useApiMutation(() => api.post(`${SOURCES}/${source.id}/versions`, {
    label: meta.label, docNumber: meta.docNumber || null, effectiveFrom: meta.effectiveFrom?.format('YYYY-MM-DD'),
    articles: (list ?? []).map((a) => ({ label: a.label, chapter: a.chapter, text: a.text })),
  }), { success: '版本及条文已保存', invalidate: [SOURCES, ARTICLES], onSuccess: () => { setList(undefined); setText(''); onClose(); } });
  const edit = (i: number, patch: Partial<EditableArticle>) => setList((l) => l?.map((a, k) => (k === i ? { ...a, ...patch } : a)));

  return (
    <Drawer title={`导入《${source.title}》的新版本`} open={open} onClose={onClose} size="large" destroyOnHidden
      extra={list && <Button type="primary" loading={save.isPending} disabled={!meta.label || !meta.effectiveFrom || !list.length} onClick={() => save.mutate()}>保存 {list.length} 条</Button>}>
      {!list ? (
        <Flex vertical gap={12}>
          <Typography.Paragraph type="secondary">粘贴法规全文，或上传 Word（.docx）、纯文本（.txt，UTF-8）文件。系统按“第X条”拆分条文，按行拆分款，按“（一）”拆分项；拆分结果可在保存前逐条校正。</Typography.Paragraph>
          <Input.TextArea rows={14} value={text} onChange={(e) => setText(e.target.value)} placeholder={'第一章　总则\n第一条　为了……，制定本法。'} data-testid="import-text" />
          <Space wrap>
            <Button type="primary" disabled={!text.trim()} loading={preview.isPending} onClick={() => preview.mutate()}>拆分预览</Button>
            <Upload accept=".docx,.txt" showUploadList={false} beforeUpload={(f) => { fromFile.mutate(f); return false; }}>
              <Button icon={<UploadOutlined />} loading={fromFile.isPending}>上传文件并预览</Button>
            </Upload>
          </Space>
        </Flex>
      ) : (
        <Flex vertical gap={12}>
          <Form layout="vertical">
            <Flex wrap gap={12}>
              <Form.Item label="版本名称" required><Input value={meta.label} onChange={(e) => setMeta({ ...meta, label: e.target.value })} placeholder="如：2021年修正" /></Form.Item>
              <Form.Item label="文号"><Input value={meta.docNumber} onChange={(e) => setMeta({ ...meta, docNumber: e.target.value })} placeholder="如：主席令第八十八号" /></Form.Item>
              <Form.Item label="施行日期" required><DatePicker value={meta.effectiveFrom} onChange={(d) => setMeta({ ...meta, effectiveFrom: d })} /></Form.Item>
            </Flex>
          </Form>
          {warnings.map((w) => <Alert key={w} type="warning" showIcon title={w} />)}
          <List dataSource={list} rowKey="key" renderItem={(a, i) => (
            <List.Item>
              <Flex vertical gap={6} style={{ width: '100%' }}>
                <Flex wrap gap={8} align="center">
                  <Input value={a.label} style={{ width: 160 }} onChange={(e) => edit(i, { label: e.target.value })} aria-label="条号" />
                  <Typography.Text type="secondary">{a.chapter}</Typography.Text>
                  <Button size="small" disabled={i + 1 >= list.length} onClick={() => setList(mergeNext(list, i))}>与下一条合并</Button>
                  <Button size="small" disabled={!a.text.includes('\n')} onClick={() => setList(split(list, i))}>拆分</Button>
                  <ConfirmButton size="small" danger confirm={`删除 ${a.label}？`} onConfirm={() => setList(list.filter((_, k) => k !== i))}>删除</ConfirmButton>
                </Flex>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} value={a.text} onChange={(e) => edit(i, { text: e.target.value })} />
              </Flex>
            </List.Item>
          )} />
          <Button onClick={() => setList(undefined)}>返回修改原文</Button>
        </Flex>
      )}
    </Drawer>
  );
}
