// The columns of a hazard list: full on a desk, one card-like column on a phone.
import { Link } from 'react-router';
import { Flex, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { HAZARD_SOURCES } from './codes';
import { hazardPath, type Hazard } from './hazardApi';
import { DeadlineText, HazardTags } from './HazardTags';

const where = (h: Hazard) => h.enterpriseName ?? [h.regionName, h.placeName].filter(Boolean).join(' · ');

/** One hazard as a phone shows it in a list: title, where, tags, deadline. */
function HazardSummary({ hazard: h, showWhere }: { hazard: Hazard; showWhere: boolean }) {
  return (
    <Flex vertical gap={4} style={{ minWidth: 0 }}>
      <Link to={hazardPath(h.id)} style={{ fontWeight: 500, fontSize: 15 }}>{h.title}</Link>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {h.number} · {dayjs(h.foundAt).format('MM-DD')} 发现{showWhere ? ` · ${where(h)}` : ''}
      </Typography.Text>
      <HazardTags hazard={h} />
      <span style={{ fontSize: 13 }}>整改期限：<DeadlineText hazard={h} /></span>
    </Flex>
  );
}

export function hazardColumns(phone: boolean, showWhere = true): TableColumnsType<Hazard> {
  if (phone) return [{ key: 'summary', title: '隐患', render: (_, h) => <HazardSummary hazard={h} showWhere={showWhere} /> }];
  return [
    { title: '编号', dataIndex: 'number', width: 150, render: (v: string, h) => <Link to={hazardPath(h.id)}>{v}</Link> },
    { title: '隐患', dataIndex: 'title', render: (v: string, h) => <Link to={hazardPath(h.id)}>{v}</Link>, ellipsis: true },
    ...(showWhere ? [{ title: '单位 / 地点', key: 'where', render: (_: unknown, h: Hazard) => where(h) || '—' }] : []),
    { title: '区域', dataIndex: 'regionName', render: (v: string | null) => v ?? '—' },
    { title: '来源', dataIndex: 'source', render: (v: Hazard['source']) => HAZARD_SOURCES[v] },
    { title: '类别', dataIndex: 'category', ellipsis: true, render: (v: string | null) => v ?? '—' },
    { title: '等级 / 状态', key: 'tags', render: (_, h) => <HazardTags hazard={h} /> },
    { title: '整改期限', dataIndex: 'deadline', render: (_, h) => <DeadlineText hazard={h} /> },
    { title: '责任人', dataIndex: 'responsiblePerson', render: (v: string | null) => v ?? '—' },
    { title: '发现时间', dataIndex: 'foundAt', render: (v: string) => dayjs(v).format('YYYY-MM-DD') },
  ];
}
