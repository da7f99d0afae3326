// 物资库存: a line per warehouse and item, with its minimum level and next expiry; movements from the toolbar or a row.
import { useState } from 'react';
import { Button, Dropdown, Tag, Typography } from 'antd';
import { DownOutlined, UploadOutlined } from '@ant-design/icons';
import { useMe } from '../../../app/session';
import { ExportButton } from '../../../components/list/ExportButton';
import { filterNames, type FilterDef } from '../../../components/list/FilterBar';
import { PagedTable } from '../../../components/list/PagedTable';
import { useListParams } from '../../../components/list/useListParams';
import { ITEM_CATEGORIES, labelOf, optionsOf, PATHS, type StockLine } from './api';
import { ImportModal } from './ImportModal';
import { MovementModal, type MovementKind } from './MovementModal';

const FILTERS: FilterDef[] = [
  { kind: 'search', name: 'q', placeholder: '物资或储备库名称' }, { kind: 'select', name: 'category', placeholder: '物资类别', options: optionsOf(ITEM_CATEGORIES) },
  { kind: 'segmented', name: 'belowMinimum', options: [{ label: '全部', value: '' }, { label: '低于最低储备', value: 'true' }] },
];
const MOVES: { key: MovementKind; label: string }[] = [{ key: 'inbound', label: '入库' }, { key: 'outbound', label: '出库' }, { key: 'transfer', label: '调拨' }, { key: 'adjust', label: '盘点调整' }];

export function StockTab() {
  const mayWrite = useMe().permissions.includes('command:write');
  const list = useListParams([...filterNames(FILTERS), 'warehouseId']);
  const [moving, setMoving] = useState<{ kind: MovementKind; warehouseId?: string; itemId?: string } | null>(null);
  const [importing, setImporting] = useState(false);
  const params = list.params.filters.warehouseId ? { warehouseId: list.params.filters.warehouseId } : undefined;
  return (
    <>
      <PagedTable<StockLine> rowKey="id" path={PATHS.stock} filters={FILTERS} params={params} size="middle"
        emptyText={mayWrite ? '还没有库存：点击“入库”登记，或“导入期初库存”。' : '没有可查看的库存。'}
        toolbar={<>
          <ExportButton path={`${PATHS.stock}/export`} params={{ ...params, ...list.params.filters }} name="物资库存" what="库存" />
          {mayWrite && <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>导入期初库存</Button>}
          {mayWrite && <Dropdown menu={{ items: MOVES, onClick: ({ key }) => setMoving({ kind: key as MovementKind, warehouseId: params?.warehouseId }) }}>
            <Button type="primary">出入库 <DownOutlined /></Button>
          </Dropdown>}
        </>}
        columns={[
          { title: '储备库', dataIndex: 'warehouseName' },
          { title: '物资', key: 'item', render: (_: unknown, l) => <>{l.itemName}{l.spec && <Typography.Text type="secondary">（{l.spec}）</Typography.Text>}</> },
          { title: '类别', dataIndex: 'category', render: (v: string) => labelOf(ITEM_CATEGORIES, v) },
          { title: '库存', key: 'quantity', align: 'right', render: (_: unknown, l) => <Typography.Text strong type={l.belowMinimum ? 'danger' : undefined}>{l.quantity} {l.unit}</Typography.Text> },
          { title: '最低储备', dataIndex: 'minLevel', align: 'right', render: (v: number, l) => (<>{v} {l.unit} {l.belowMinimum && <Tag color="error">不足</Tag>}</>) },
          { title: '最近有效期', dataIndex: 'nextExpiry', render: (v: string | null) => v ?? '—' },
          ...(mayWrite ? [{ title: '操作', key: 'op', fixed: 'right' as const, render: (_: unknown, l: StockLine) => (
            <Dropdown menu={{ items: MOVES, onClick: ({ key }) => setMoving({ kind: key as MovementKind, warehouseId: l.warehouseId, itemId: l.itemId }) }}>
              <Button type="link" size="small">出入库 <DownOutlined /></Button>
            </Dropdown>) }] : []),
        ]} />
      <MovementModal kind={moving?.kind ?? null} warehouseId={moving?.warehouseId} itemId={moving?.itemId} onClose={() => setMoving(null)} />
      <ImportModal open={importing} onClose={() => setImporting(false)} title="导入期初库存" path={PATHS.stock} invalidate={PATHS.stock}
        hint="每行是一笔入库：储备库须为系统中已有的名称；物资目录中没有的物资会自动加入。有效期用于临期提醒。" />
    </>
  );
}
