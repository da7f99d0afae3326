// One register as a list: filters and search in the URL, paging, Excel export and import, register and edit.
import { useState, type ReactNode } from 'react';
import { Button, type TableColumnsType } from 'antd';
import { EditOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useMe } from '../../../app/session';
import { ExportButton } from '../../../components/list/ExportButton';
import type { FilterDef } from '../../../components/list/FilterBar';
import { PagedTable } from '../../../components/list/PagedTable';
import { useListParams } from '../../../components/list/useListParams';
import { filterNames } from '../../../components/list/FilterBar';
import { ImportModal } from './ImportModal';
import { RecordForm, type Field } from './RecordForm';

export interface RegisterDef<T> {
  /** 中文 name of one record, e.g. 救援队伍. */
  what: string;
  path: string;
  columns: TableColumnsType<T>;
  filters: FilterDef[];
  fields: Field[];
  /** Text of the import dialog; absent when the register is not imported from Excel. */
  importHint?: string;
  emptyText: string;
  defaults?: Record<string, unknown>;
  /** Extra actions of a row (beside 修改). */
  rowActions?: (row: T) => ReactNode;
}

export function RegisterTab<T extends { id: string }>({ def }: { def: RegisterDef<T> }) {
  const me = useMe();
  const mayWrite = me.permissions.includes('command:write');
  const [editing, setEditing] = useState<T | null | 'new'>(null);
  const [importing, setImporting] = useState(false);
  const list = useListParams(filterNames(def.filters));
  const columns: TableColumnsType<T> = [...def.columns, ...(mayWrite || def.rowActions ? [{
    title: '操作', key: 'actions', fixed: 'right' as const, width: 120,
    render: (_: unknown, row: T) => <>{def.rowActions?.(row)}{mayWrite && <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(row)}>修改</Button>}</>,
  }] : [])];
  return (
    <>
      <PagedTable<T> rowKey="id" path={def.path} filters={def.filters} columns={columns} size="middle"
        emptyText={mayWrite ? `还没有${def.what}：点击“登记”逐条录入，或“从 Excel 导入”批量导入。` : def.emptyText}
        toolbar={<>
          <ExportButton path={`${def.path}/export`} params={list.params.filters} name={def.what} what={def.what} />
          {mayWrite && def.importHint && <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>从 Excel 导入</Button>}
          {mayWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>登记{def.what}</Button>}
        </>} />
      <RecordForm<T> open={editing !== null} onClose={() => setEditing(null)} what={def.what} path={def.path} fields={def.fields}
        record={editing === 'new' ? null : editing} defaults={def.defaults} />
      {def.importHint && <ImportModal open={importing} onClose={() => setImporting(false)} title={`导入${def.what}`} path={def.path} invalidate={def.path} hint={def.importHint} />}
    </>
  );
}
