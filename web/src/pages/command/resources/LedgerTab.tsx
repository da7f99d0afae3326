// 出入库台账: every movement with the balance after it, who and why; newest first, filtered and exported.
import { Tag, Typography } from 'antd';
import { formatTime } from '../../../components/format';
import { ExportButton } from '../../../components/list/ExportButton';
import { filterNames, type FilterDef } from '../../../components/list/FilterBar';
import { PagedTable } from '../../../components/list/PagedTable';
import { useListParams } from '../../../components/list/useListParams';
import { labelOf, MOVEMENT_KINDS, optionsOf, PATHS, type LedgerEntry } from './api';

const FILTERS: FilterDef[] = [
  { kind: 'search', name: 'q', placeholder: '物资、事由或经办人' }, { kind: 'select', name: 'kind', placeholder: '类型', options: optionsOf(MOVEMENT_KINDS) },
  { kind: 'dateRange', from: 'from', to: 'to' },
];
const KIND_COLOURS: Record<string, string> = { inbound: 'success', outbound: 'error', transfer_out: 'warning', transfer_in: 'processing', adjust: 'default' };

export function LedgerTab() {
  const list = useListParams(filterNames(FILTERS));
  return (
    <PagedTable<LedgerEntry> rowKey="id" path={PATHS.ledger} filters={FILTERS} size="middle" emptyText="还没有出入库记录。"
      toolbar={<ExportButton path={`${PATHS.ledger}/export`} params={list.params.filters} name="出入库台账" what="台账" />}
      columns={[
        { title: '时间', dataIndex: 'at', render: formatTime, width: 150 },
        { title: '储备库', dataIndex: 'warehouseName' }, { title: '物资', dataIndex: 'itemName' },
        { title: '类型', dataIndex: 'kind', render: (v: string) => <Tag color={KIND_COLOURS[v]}>{labelOf(MOVEMENT_KINDS, v)}</Tag> },
        { title: '数量', key: 'q', align: 'right', render: (_: unknown, e) => <Typography.Text type={e.quantity < 0 ? 'danger' : 'success'}>{e.quantity > 0 ? '+' : ''}{e.quantity} {e.unit}</Typography.Text> },
        { title: '结存', key: 'b', align: 'right', render: (_: unknown, e) => `${e.balanceAfter} ${e.unit}` },
        { title: '事由', dataIndex: 'reason' }, { title: '经办人', dataIndex: 'actorName' },
      ]} />
  );
}
