// One ECharts chart in a div: only the chart types and components the dashboard uses are imported (modular
// echarts/core), the chart follows its box's size, and a click on a data item hands over that item's name.
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

interface Props {
  option: EChartsCoreOption;
  height: number;
  /** Called with the clicked item's name (a pie slice, a bar's category). */
  onItemClick?: (name: string) => void;
  'data-testid'?: string;
}

export function EChart({ option, height, onItemClick, ...rest }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onItemClick);
  click.current = onItemClick;

  useEffect(() => {
    const el = box.current!;
    const c = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = c;
    c.on('click', (p) => { if (p.name) click.current?.(p.name); });
    const resize = new ResizeObserver(() => c.resize());
    resize.observe(el);
    return () => { resize.disconnect(); c.dispose(); chart.current = null; };
  }, []);

  useEffect(() => { chart.current?.setOption(option, true); }, [option]);

  return <div ref={box} style={{ width: '100%', height }} data-testid={rest['data-testid']} />;
}
