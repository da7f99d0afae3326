// The report as a chart: bars of 本期 and 同期 by group, or lines by month; ECharts imported modularly (only the bar
// and line charts and the components used here reach this page's chunk).
import { useEffect, useMemo, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { ReportResult } from './statisticsApi';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

interface Props { result: ReportResult; measure: string; height?: number }

export function StatisticsChart({ result, measure, height = 320 }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const m = result.report.measures.find((x) => x.key === measure);
  const option = useMemo(() => {
    const line = result.groupBy === 'month';
    const rows = result.rows.slice(0, 30);
    const series = [
      { name: `本期（${result.period.label}）`, data: rows.map((r) => r.cells[measure]?.current ?? null) },
      ...(m?.snapshot ? [] : [{ name: `同期（${result.lastYear.label}）`, data: rows.map((r) => r.cells[measure]?.lastYear ?? null) }]),
    ].map((s) => ({ ...s, type: line ? 'line' : 'bar', smooth: line, barMaxWidth: 28, emphasis: { focus: 'series' } }));
    return {
      tooltip: { trigger: 'axis' }, legend: { top: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: rows.map((r) => r.label), axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0, width: 90, overflow: 'truncate' } },
      yAxis: { type: 'value', name: m?.unit ?? '' },
      color: ['#1677ff', '#bfbfbf'], series,
    };
  }, [result, measure, m]);

  useEffect(() => {
    const el = box.current!;
    const c = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = c;
    const resize = new ResizeObserver(() => c.resize());
    resize.observe(el);
    return () => { resize.disconnect(); c.dispose(); chart.current = null; };
  }, []);
  useEffect(() => { chart.current?.setOption(option, true); }, [option]);

  return <div ref={box} style={{ width: '100%', height }} data-testid="statistics-chart" role="img" aria-label={`${m?.label ?? ''}${result.groupByLabel}图表`} />;
}
