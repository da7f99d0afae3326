// Correct a saved article by hand (number, chapter, text); paragraphs and items are rebuilt from the lines of the text.
import { useState } from 'react';
import { Form, Input, Modal } from 'antd';
import { api } from '../../api/client';
import { useApiMutation } from '../../api/mutation';
import { ARTICLES, type Article } from './lawApi';

export function ArticleEditor({ article, onClose }: { article: Article; onClose: () => void }) {
  const [v, setV] = useState({ label: article.label, chapter: article.chapter ?? '', text: article.text });
  const save = useApiMutation(() => api.patch(`${ARTICLES}/${article.id}`, { label: v.label, chapter: v.chapter || null, text: v.text }),
    { success: '条文已校正', invalidate: [ARTICLES], onSuccess: onClose });
  return (
    <Modal title={`校正 ${article.label}（${article.version}）`} open onCancel={onClose} onOk={() => save.mutate()} okText="保存" confirmLoading={save.isPending} width={720}>
      <Form layout="vertical">
        <Form.Item label="条号" extra="如：第九十九条、第99条，标准写条款号 5.2.1"><Input value={v.label} onChange={(e) => setV({ ...v, label: e.target.value })} /></Form.Item>
        <Form.Item label="所在章节"><Input value={v.chapter} onChange={(e) => setV({ ...v, chapter: e.target.value })} /></Form.Item>
        <Form.Item label="正文" extra="每款一行；项以（一）（二）开头各占一行"><Input.TextArea rows={10} value={v.text} onChange={(e) => setV({ ...v, text: e.target.value })} /></Form.Item>
      </Form>
    </Modal>
  );
}
