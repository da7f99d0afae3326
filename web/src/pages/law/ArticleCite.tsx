// ArticleCite: an article's number (《安全生产法》第九十九条) that shows its text and version on hover or tap.
import { Popover, Typography } from 'antd';

interface Props {
  article: { source: string; label: string; text: string; version?: string; part?: string | null };
}

export function ArticleCite({ article }: Props) {
  const title = `《${article.source}》${article.label}${article.part ?? ''}`;
  return (
    <Popover title={`${title}${article.version ? `（${article.version}）` : ''}`} trigger={['hover', 'click']}
      content={<div style={{ maxWidth: 480, maxHeight: 320, overflow: 'auto', whiteSpace: 'pre-wrap' }}>{article.text}</div>}>
      <Typography.Link data-testid="article-cite">{title}</Typography.Link>
    </Popover>
  );
}
