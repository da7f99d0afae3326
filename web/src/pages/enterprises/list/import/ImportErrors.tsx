// Every bad row of an import file: row number (as Excel shows it), column and what is wrong.
import { Table } from 'antd';
import type { ImportResult } from '../../api';

type ImportError = ImportResult['errors'][number];

export function ImportErrors({ errors }: { errors: ImportError[] }) {
  return (
    <Table<ImportError> size="small" rowKey={(e) => `${e.row}-${e.column ?? ''}-${e.message}`} dataSource={errors}
      pagination={errors.length > 10 ? { pageSize: 10, size: 'small', showTotal: (n) => `共 ${n} 处错误` } : false}
      data-testid="import-errors" tableLayout="fixed"
      columns={[
        // The reason wraps: it is the part a person must read in full.
        { title: '行号', dataIndex: 'row', width: 56 },
        { title: '列', dataIndex: 'column', width: 112, render: (c: string | null) => c ?? '整行' },
        { title: '错误原因', dataIndex: 'message' },
      ]} />
  );
}

/** How many rows have at least one error. */
export const badRowCount = (errors: ImportError[]) => new Set(errors.map((e) => e.row)).size;
