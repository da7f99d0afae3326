// Every field of a hazard's record: where, what, found when and by whom, source, classification.
import { Descriptions, Typography } from 'antd';
import { formatTime } from '../../components/format';
import { CitedList } from '../law/CitesField';
import { HAZARD_SOURCES, sectorLabel } from './codes';
import type { HazardDetail } from './hazardApi';

export function HazardFields({ hazard: h, campaignName }: { hazard: HazardDetail; campaignName?: string }) {
  const items = [
    { key: 'number', label: '编号', children: h.number },
    { key: 'where', label: h.enterpriseId ? '企业' : '地点', children: h.enterpriseName ?? h.placeName ?? '—' },
    ...(h.enterpriseId && h.placeName ? [{ key: 'part', label: '部位', children: h.placeName }] : []),
    { key: 'region', label: '所在区划', children: h.regionName ?? h.regionCode },
    { key: 'foundAt', label: '发现时间', children: formatTime(h.foundAt) },
    { key: 'foundBy', label: '发现人', children: h.foundBy },
    { key: 'source', label: '来源', children: HAZARD_SOURCES[h.source] },
    ...(h.campaignId ? [{ key: 'campaign', label: '专项行动', children: campaignName ?? '—' }] : []),
    { key: 'sector', label: '行业', children: (h.sector && sectorLabel(h.sector)) || h.sector || '—' },
    { key: 'category', label: '类别', children: h.categoryInfo ? h.categoryInfo.path.join(' / ') : h.category ?? '—' },
    ...(h.categoryInfo ? [{ key: 'categoryCites', label: '类别依据', span: 'filled' as const, children: (
      <div data-testid="hazard-category-cites">
        <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 4 }}>按发现当日（{formatTime(h.foundAt).slice(0, 10)}）施行的条文{h.categoryInfo.unconfirmed ? '；该类别的条文引用尚待核对' : ''}</Typography.Text>
        <CitedList cites={h.categoryInfo.cites} empty="该类别未引用条文" />
        {h.categoryInfo.cites.filter((c) => c.resolved && c.text).map((c) => (
          <Typography.Paragraph key={c.articleId ?? c.label} style={{ margin: '6px 0 0', fontSize: 13 }}>《{c.sourceTitle}》{c.label}（{c.version}）：{c.text}</Typography.Paragraph>
        ))}
      </div>
    ) }] : []),
    ...(h.cites?.length ? [{ key: 'cites', label: '检查项依据', span: 'filled' as const, children: <div data-testid="hazard-cites"><CitedList cites={h.cites} /></div> }] : []),
    ...(h.level === 'major' ? [{ key: 'basis', label: '判定依据', span: 'filled' as const, children: <Typography.Text type="danger">{h.majorBasis}</Typography.Text> }] : []),
    { key: 'description', label: '描述', span: 'filled' as const, children: <span style={{ whiteSpace: 'pre-wrap' }}>{h.description ?? '—'}</span> },
  ];
  return <Descriptions size="small" bordered column={{ xs: 1, sm: 1, md: 2 }} items={items} styles={{ label: { whiteSpace: 'nowrap' } }} />;
}
