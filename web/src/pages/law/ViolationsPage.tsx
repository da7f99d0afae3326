// 违法行为与裁量基准: each violation item with the article it breaks, the article that sets its penalty, and its bands.
import { Link } from 'react-router';
import { Tag } from 'antd';
import { PageHeader } from '../../components/PageHeader';
import { PagedTable } from '../../components/list/PagedTable';
import type { FilterDef } from '../../components/list/FilterBar';
import { SECTORS, sectorLabel } from '../enforcement/enforcementApi';
import { ArticleCite } from './ArticleCite';
import { paths, VIOLATIONS, type ViolationItem } from './lawApi';

const FILTERS: FilterDef[] = [
  { kind: 'search', name: 'q', placeholder: '违法行为、编号或关键词', width: 260 },
  { kind: 'select', name: 'sector', placeholder: '行业', options: SECTORS.map((s) => ({ value: s.code, label: s.label })) },
];

export default function ViolationsPage() {
  return (
    <>
      <PageHeader title="违法行为与裁量基准">
        同一违法行为、同样情节，给出同样的处罚幅度。基准按情节分为轻微、一般、较重、严重四档；标“待确认”的幅度划分参照通行做法拟定，须按本省基准核对。
      </PageHeader>
      <PagedTable<ViolationItem> path={VIOLATIONS} filters={FILTERS} rowKey="id" emptyText="还没有违法行为条目。"
        columns={[
          { title: '编号', dataIndex: 'code', width: 110 },
          { title: '违法行为', key: 'n', render: (_, i) => <Link to={paths.violation(i.id)}>{i.name}</Link> },
          { title: '违法依据', key: 'v', render: (_, i) => i.violated ? <ArticleCite article={i.violated} /> : '—' },
          { title: '处罚依据', key: 'p', render: (_, i) => i.penalty ? <ArticleCite article={i.penalty} /> : '—' },
          { title: '行业', dataIndex: 'sector', render: (v) => v ? sectorLabel(v) : '通用', responsive: ['md'] },
          { title: '基准', key: 'b', render: (_, i) => <>{i.bandCount} 档{i.unconfirmed && <Tag color="warning" style={{ marginLeft: 6 }}>待确认</Tag>}</> },
        ]} />
    </>
  );
}
