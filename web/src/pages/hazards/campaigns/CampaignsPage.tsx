// 专项行动 / 大排查: campaigns with the hazards found under each, how many are closed and how many major.
import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Flex, Grid, Progress, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMe } from '../../../app/session';
import { PagedTable } from '../../../components/list/PagedTable';
import { PageHeader } from '../../../components/PageHeader';
import { CAMPAIGNS, type Campaign } from '../hazardApi';
import { CAMPAIGN_KINDS } from '../../../../../contracts/hazards';
import { CampaignFormModal } from './CampaignFormModal';

const ledger = (c: Campaign) => `/hazards?campaignId=${c.id}`;
const rate = (c: Campaign) => (c.found ? Math.round((c.closed / c.found) * 1000) / 10 : 0);

export default function CampaignsPage() {
  const me = useMe();
  const phone = Grid.useBreakpoint().md === false;
  const [open, setOpen] = useState(false);
  const canCreate = me.permissions.includes('hazard:write') && me.scope.kind !== 'enterprise';
  const counts = (c: Campaign) => <>发现 <b>{c.found}</b> · 销号 <b>{c.closed}</b> · 重大 <b style={{ color: c.major ? '#cf1322' : undefined }}>{c.major}</b></>;

  const columns: TableColumnsType<Campaign> = phone ? [{ key: 'card', title: '专项行动', render: (_, c) => (
    <Flex vertical gap={4}>
      <Link to={ledger(c)} style={{ fontWeight: 500 }}>{c.name}</Link>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{CAMPAIGN_KINDS[c.kind as keyof typeof CAMPAIGN_KINDS] ?? c.kind} · {c.periodFrom} 至 {c.periodTo} · {c.regionName ?? ''}</Typography.Text>
      <span style={{ fontSize: 13 }}>{counts(c)}</span>
      <Progress percent={rate(c)} size="small" />
    </Flex>
  ) }] : [
    { title: '名称', dataIndex: 'name', render: (v: string, c) => <Link to={ledger(c)}>{v}</Link> },
    { title: '类型', dataIndex: 'kind', render: (v: string) => <Tag>{CAMPAIGN_KINDS[v as keyof typeof CAMPAIGN_KINDS] ?? v}</Tag> },
    { title: '期间', key: 'period', render: (_, c) => `${c.periodFrom} 至 ${c.periodTo}` },
    { title: '范围', dataIndex: 'regionName', render: (v: string | null, c) => v ?? c.regionCode },
    { title: '发现隐患', dataIndex: 'found', align: 'right' },
    { title: '已销号', dataIndex: 'closed', align: 'right' },
    { title: '重大隐患', dataIndex: 'major', align: 'right', render: (v: number) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : 0) },
    { title: '整改率', key: 'rate', width: 160, render: (_, c) => <Progress percent={rate(c)} size="small" /> },
  ];

  return (
    <>
      <PageHeader title="专项行动" extra={canCreate && <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>新建专项行动</Button>}>
        专项行动、大排查把一段时间、一个范围内发现的隐患归在一起统计。上报隐患时选择所属专项行动即计入。
      </PageHeader>
      <PagedTable<Campaign> path={CAMPAIGNS} rowKey="id" columns={columns}
        emptyText={canCreate ? '还没有专项行动。点击“新建专项行动”，如“循环园、飞地园隐患大排查”。' : '还没有专项行动。'} />
      <CampaignFormModal open={open} onClose={() => setOpen(false)} />
    </>
  );
}
