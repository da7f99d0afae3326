// 工作报告: pick a period and a region, generate the report, read it as a document whose every figure opens the list
// of records that makes it, and download it as Word (with an appendix of every figure's query and record count).
// Places that need a person's judgement are shown highlighted as 【待填写：…】, to be written in the Word file.
import { Fragment, useState } from 'react';
import { Alert, App, Button, Card, Empty, Flex, Grid, Spin, Table, Tooltip, Typography } from 'antd';
import { FileWordOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../../api/client';
import { download } from '../../../api/transfer';
import { PageHeader } from '../../../components/PageHeader';
import { RegionTreeSelect } from '../../../components/RegionTreeSelect';
import { figureText, type ReportFigure, type Segment, type WorkReport } from '../../../../../contracts/work-report';
import { PeriodPicker, type PeriodKind } from '../statistics/PeriodPicker';

/** The demo county's records are dated 2022: its half-year report is the one to open first. */
const DEFAULT = { kind: 'half' as PeriodKind, from: '2022-01-01', to: '2022-06-30' };
const API = '/api/reports/work';

function FigureLink({ f, lastYear }: { f: ReportFigure; lastYear: string }) {
  const text = figureText(f);
  const tip = (
    <>
      <div>{f.label}</div>
      {f.trace && <div style={{ opacity: 0.85 }}>{f.trace.query}</div>}
      {f.of && <div style={{ opacity: 0.85 }}>由 {f.of.length} 项相加</div>}
      {f.previous !== undefined && <div>{lastYear}：{figureText({ value: f.previous, unit: f.unit })}</div>}
      {f.trace && <div style={{ opacity: 0.85 }}>点击查看明细（{f.records ?? f.value} 条记录）</div>}
    </>
  );
  return (
    <Tooltip title={tip}>
      {f.trace
        ? <Link to={f.trace.web} data-figure={f.key} style={{ fontWeight: 600 }}>{text}</Link>
        : <Typography.Text strong data-figure={f.key}>{text}</Typography.Text>}
    </Tooltip>
  );
}

function Segments({ segments, figures, lastYear }: { segments: Segment[]; figures: Map<string, ReportFigure>; lastYear: string }) {
  return (
    <>
      {segments.map((s, i) => {
        if (s.kind === 'text') return <Fragment key={i}>{s.text}</Fragment>;
        if (s.kind === 'blank') return <Typography.Text key={i} mark>【{s.text.replace(/^（|）$/g, '')}】</Typography.Text>;
        const f = figures.get(s.key);
        return f ? <FigureLink key={i} f={f} lastYear={lastYear} /> : <Typography.Text key={i} mark>【待填写】</Typography.Text>;
      })}
    </>
  );
}

export default function WorkReportPage() {
  const { message } = App.useApp();
  const phone = !Grid.useBreakpoint().md;
  const [search, setSearch] = useSearchParams();
  const kind = (search.get('kind') ?? DEFAULT.kind) as PeriodKind;
  const from = search.get('from') ?? DEFAULT.from;
  const to = search.get('to') ?? DEFAULT.to;
  const regionCode = search.get('regionCode') ?? undefined;
  const generated = search.get('run') === '1';
  const set = (patch: Record<string, string | undefined>) => setSearch((p) => {
    const n = new URLSearchParams(p);
    for (const [k, v] of Object.entries(patch)) { if (v) n.set(k, v); else n.delete(k); }
    return n;
  }, { replace: true });
  const params = { from, to, regionCode };
  const report = useQuery({ queryKey: [API, params], enabled: generated, queryFn: () => api.get<WorkReport>(API, params) });
  const [busy, setBusy] = useState(false);
  const r = report.data;
  const figures = new Map((r?.figures ?? []).map((f) => [f.key, f]));

  async function word() {
    setBusy(true);
    try {
      await download(`${API}.docx`, params, `${r?.title ?? '工作报告'}.docx`);
      message.success('已下载 Word 文件；黄色标注处请补充撰写后再印发');
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeader title="工作报告" extra={generated && r && (
        <Button type="primary" icon={<FileWordOutlined />} loading={busy} onClick={word}>{busy ? '正在生成…' : '下载 Word'}</Button>
      )}>
        按统计期间和区域从业务记录中生成工作报告。报告中的每个数字都可点击查看产生它的记录；黄色标注处是需要人工撰写的判断性内容，平台不代写。
      </PageHeader>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex wrap gap={8} align="center">
          <PeriodPicker kind={kind} from={from} to={to} onChange={(p) => set({ kind: p.kind, from: p.from, to: p.to })} />
          <div style={{ width: phone ? '100%' : 220 }}>
            <RegionTreeSelect value={regionCode} onChange={(v) => set({ regionCode: v })} placeholder="本辖区全部" />
          </div>
          <Button type="primary" icon={<ReloadOutlined />} loading={report.isFetching} onClick={() => (generated ? report.refetch() : set({ run: '1' }))}>
            生成报告
          </Button>
        </Flex>
      </Card>
      {!generated && <Card><Empty description="选择统计期间和区域后，点击“生成报告”" /></Card>}
      {report.isError && <Alert type="error" showIcon title="报告生成失败" description={report.error.message} style={{ marginBottom: 12 }} />}
      {generated && report.isPending && <Card><Flex justify="center" style={{ padding: 48 }}><Spin tip="正在从业务记录中统计…"><div style={{ width: 200 }} /></Spin></Flex></Card>}
      {r && (
        <Card styles={{ body: { padding: phone ? 16 : '32px 56px' } }}>
          <article aria-label="工作报告正文" style={{ maxWidth: 860, margin: '0 auto', fontSize: 16, lineHeight: 2 }}>
            <Typography.Title level={3} style={{ textAlign: 'center' }}>{r.title}</Typography.Title>
            <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
              统计期间：{r.period.from} 至 {r.period.to}　区域：{r.regionName}　同比期间：{r.lastYear.from} 至 {r.lastYear.to}
            </Typography.Paragraph>
            {r.sections.map((s) => (
              <section key={s.key} aria-label={s.title}>
                <Typography.Title level={5} style={{ marginTop: 24 }}>{s.title}</Typography.Title>
                {s.paragraphs.map((p, i) => p.heading
                  ? <Typography.Paragraph key={i} strong style={{ textIndent: '2em', marginBottom: 4 }}>{p.segments.map((x) => ('text' in x ? x.text : '')).join('')}</Typography.Paragraph>
                  : <Typography.Paragraph key={i} style={{ textIndent: '2em' }}><Segments segments={p.segments} figures={figures} lastYear={r.lastYear.label} /></Typography.Paragraph>)}
              </section>
            ))}
          </article>
        </Card>
      )}
      {r && (
        <Card title="附表：指标及其查询条件" size="small" style={{ marginTop: 12 }}>
          <Table<ReportFigure> rowKey="key" size="small" dataSource={r.figures} pagination={false} scroll={{ x: 760 }}
            columns={[
              { title: '序号', width: 56, render: (_, __, i) => i + 1 },
              { title: '指标', dataIndex: 'label', width: 200 },
              { title: '数值', width: 150, render: (_, f) => <FigureLink f={f} lastYear={r.lastYear.label} /> },
              { title: '查询条件', render: (_, f) => f.trace?.query ?? `由 ${(f.of ?? []).map((k) => figures.get(k)?.label ?? k).join('、')} 相加` },
              { title: '记录数', width: 80, align: 'right', render: (_, f) => f.records ?? '—' },
            ]} />
        </Card>
      )}
    </>
  );
}
