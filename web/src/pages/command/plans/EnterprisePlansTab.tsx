// 一企一档 tab: the enterprise's emergency plans with their filing, revision date and last drill.
import { useNavigate } from 'react-router';
import { Tag } from 'antd';
import type { EnterpriseTabProps } from '../../../app/enterprise-tabs';
import { PagedTable } from '../../../components/list/PagedTable';
import { FILING_STATUSES, PLANS, labelOf, paths, type Plan } from './plansApi';

export default function EnterprisePlansTab({ enterpriseId }: EnterpriseTabProps) {
  const navigate = useNavigate();
  return (
    <PagedTable<Plan> path={PLANS} params={{ enterpriseId }} rowKey="id" emptyText="本企业还没有应急预案，可在“应急预案”页面新建并报备。"
      onRow={(p) => ({ onClick: () => navigate(paths.plan(p.id)), style: { cursor: 'pointer' } })}
      columns={[
        { title: '预案名称', dataIndex: 'title' },
        { title: '现行版本', dataIndex: 'publishedLabel', render: (v) => v ?? '未发布' },
        { title: '备案', key: 'filing', render: (_, p) => (p.filingStatus ? `${labelOf(FILING_STATUSES, p.filingStatus)} ${p.filingNumber ?? ''}` : '未报备') },
        { title: '修订期限', dataIndex: 'revisionDue', render: (v) => v ?? '—' },
        { title: '最近演练', key: 'drill', render: (_, p) => <>{p.lastDrill?.drilledOn ?? '无'}{p.drillOverdue && <Tag color="red" style={{ marginLeft: 4 }}>逾期</Tag>}</> },
      ]} />
  );
}
