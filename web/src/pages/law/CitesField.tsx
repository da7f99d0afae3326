// CitesField: the articles a checklist or template item cites — each shown by number with its text on hover (or marked
// 未收录 when the library does not hold it), removable, and more added by search with the ArticlePicker.
// CitedList shows the same cites read-only.
import { Flex, Tag, Typography } from 'antd';
import { ArticleCite } from './ArticleCite';
import { ArticlePicker } from './ArticlePicker';
import type { CiteValue } from './lawApi';

/** One cite: the article (text on hover) or, when not in the library, the words and why. */
export function CiteTag({ c }: { c: CiteValue }) {
  if (c.resolved && c.label && c.text) {
    return <ArticleCite article={{ source: c.sourceTitle ?? c.source, label: c.label, text: c.text, version: c.version ?? undefined, verified: c.verified ?? undefined }} />;
  }
  return (
    <span data-testid="cite-unresolved">
      <Typography.Text>{c.source}{c.article ?? ''}</Typography.Text> <Tag color="default" title={c.note ?? undefined}>{c.articleId ? '已选条文' : '法规库未收录'}</Tag>
    </span>
  );
}

export function CitedList({ cites, empty = '未引用条文' }: { cites?: CiteValue[] | null; empty?: string }) {
  if (!cites?.length) return <Typography.Text type="secondary">{empty}</Typography.Text>;
  return <Flex wrap gap={8}>{cites.map((c, k) => <CiteTag key={c.articleId ?? `${c.source}${c.article ?? ''}${k}`} c={c} />)}</Flex>;
}

interface Props { value?: CiteValue[] | null; onChange?: (v: CiteValue[]) => void }

/** A form control (Form.Item name="cites"). */
export function CitesField({ value, onChange }: Props) {
  const cites = value ?? [];
  return (
    <Flex vertical gap={4} data-testid="cites-field">
      {cites.length > 0 && (
        <Flex wrap gap={8}>
          {cites.map((c, k) => (
            <Tag key={c.articleId ?? `${c.source}${c.article ?? ''}${k}`} closable onClose={(e) => { e.preventDefault(); onChange?.(cites.filter((_, j) => j !== k)); }}
              style={{ whiteSpace: 'normal' }}>
              <CiteTag c={c} />
            </Tag>
          ))}
        </Flex>
      )}
      <ArticlePicker value={null} placeholder="引用条文：输入“安全生产法第三十六条”或关键词" style={{ width: '100%' }}
        onChange={(id, a) => {
          if (!id || !a || cites.some((c) => c.articleId === id)) return;
          onChange?.([...cites, { source: a.source, article: a.label, articleId: a.id, resolved: true, label: a.label, sourceTitle: a.source, text: a.text, version: a.version,
            verified: a.verified, docNumber: a.docNumber, note: null }]);
        }} />
    </Flex>
  );
}
