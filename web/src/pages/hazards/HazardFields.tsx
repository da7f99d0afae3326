// Every field of a hazard's record: where, what, found when and by whom, source, classification.
import { Descriptions, Typography } from 'antd';
import { formatTime } from '../../components/format';
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
    { key: 'category', label: '类别', children: h.category ?? '—' },
    ...(h.level === 'major' ? [{ key: 'basis', label: '判定依据', span: 'filled' as const, children: <Typography.Text type="danger">{h.majorBasis}</Typography.Text> }] : []),
    { key: 'description', label: '描述', span: 'filled' as const, children: <span style={{ whiteSpace: 'pre-wrap' }}>{h.description ?? '—'}</span> },
  ];
  return <Descriptions size="small" bordered column={{ xs: 1, sm: 1, md: 2 }} items={items} styles={{ label: { whiteSpace: 'nowrap' } }} />;
}
