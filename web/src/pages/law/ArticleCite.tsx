// ArticleCite: an article's number (《安全生产法》第九十九条) that shows its text and version on hover or tap.
import { Popover, Tag, Typography } from 'antd';

interface Props {
  article: { source: string; label: string; text: string; version?: string; part?: string | null; verified?: boolean; verificationNote?: string | null };
}

export function ArticleCite({ article }: Props) {
  const title = `《${article.source}》${article.label}${article.part ?? ''}`;
  return (
    <Popover title={`${title}${article.version ? `（${article.version}）` : ''}`} trigger={['hover', 'click']}
      content={<div style={{ maxWidth: 480, maxHeight: 320, overflow: 'auto', whiteSpace: 'pre-wrap' }}>
        {article.text}
        {article.verified !== undefined && (
          <div style={{ marginTop: 8 }}>
            {article.verified ? <Tag color="green">条文已核对</Tag> : <Tag color="orange">条文未核对，引用前请与正式文本核对</Tag>}
            {article.verificationNote && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{article.verificationNote}</Typography.Text>}
          </div>
        )}
      </div>}>
      <Typography.Link data-testid="article-cite">{title}</Typography.Link>
    </Popover>
  );
}
