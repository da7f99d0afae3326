// The report as a table: for each measure 本期 (a link to its records), 同期, 同比%, 上期, 环比%; the total below.
// On a phone only the chosen measure's columns are shown.
import { Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { Cell, ReportResult, Row } from './statisticsApi';

const fmt = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toLocaleString('zh-CN', { maximumFractionDigits: 2 }));

function Change({ v, unit }: { v: number | null; unit: string }) {
  if (v === null) return <Typography.Text type="secondary">—</Typography.Text>;
  // A rate's change is in percentage points.
  const suffix = unit === '%' ? ' 个百分点' : '%';
  const text = `${v > 0 ? '▲' : v < 0 ? '▼' : ''}${Math.abs(v)}${suffix}`;
  return <Typography.Text type={v > 0 ? 'warning' : v < 0 ? 'success' : 'secondary'} style={{ whiteSpace: 'nowrap' }}>{text}</Typography.Text>;
}

function Value({ c, which }: { c: Cell | undefined; which: 'current' | 'lastYear' | 'previous' }) {
  if (!c) return <>—</>;
  const trace = which === 'current' ? c.trace : which === 'lastYear' ? c.lastYearTrace : c.previousTrace;
  const v = c[which];
  if (!trace || v === null) return <>{fmt(v)}</>;
  return <Tooltip title={trace.query}><Link to={trace.web}>{fmt(v)}</Link></Tooltip>;
}

interface Props { result: ReportResult; only?: string; loading?: boolean }

export function StatisticsTable({ result, only, loading }: Props) {
  const measures = result.report.measures.filter((m) => !only || m.key === only);
  const columns: TableColumnsType<Row> = [
    { title: result.groupBy === 'none' ? '统计范围' : result.groupByLabel.replace(/^按/, ''), dataIndex: 'label', fixed: 'left', width: 150,
      render: (v: string, r) => (r.key === '__total' ? <b>{v}</b> : v) },
    ...measures.map((m) => ({
      title: `${m.label}（${m.unit}）`, key: m.key,
      children: m.snapshot
        ? [{ title: '当前', key: `${m.key}.c`, align: 'right' as const, render: (_: unknown, r: Row) => <Value c={r.cells[m.key]} which="current" /> }]
        : [
          { title: '本期', key: `${m.key}.c`, align: 'right' as const, render: (_: unknown, r: Row) => <Value c={r.cells[m.key]} which="current" /> },
          { title: '同期', key: `${m.key}.l`, align: 'right' as const, render: (_: unknown, r: Row) => <Value c={r.cells[m.key]} which="lastYear" /> },
          { title: '同比', key: `${m.key}.y`, align: 'right' as const, render: (_: unknown, r: Row) => <Change v={r.cells[m.key]?.yoy ?? null} unit={m.unit} /> },
          { title: '上期', key: `${m.key}.p`, align: 'right' as const, render: (_: unknown, r: Row) => <Value c={r.cells[m.key]} which="previous" /> },
          { title: '环比', key: `${m.key}.m`, align: 'right' as const, render: (_: unknown, r: Row) => <Change v={r.cells[m.key]?.mom ?? null} unit={m.unit} /> },
        ],
    })),
  ];
  const data = [...result.rows, { ...result.total, key: '__total' }];
  return (
    <div data-testid="statistics-table">
      <Table<Row> rowKey="key" size="small" bordered columns={columns} dataSource={data} loading={loading} pagination={false} scroll={{ x: 'max-content' }} />
    </div>
  );
}
