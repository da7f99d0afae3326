// A sensor's readings over a range as a plain SVG line chart (no chart library): the value line, the
// min–max band of rolled-up points, and the thresholds as dashed lines (高/高高 red, 低/低低 blue).
import { useMemo, useRef, useState } from 'react';
import { Empty } from 'antd';
import dayjs from 'dayjs';
import { valueText, type Sensor, type Series } from '../monitoringApi';

const W = 720;
const H = 260;
const PAD = { left: 56, right: 64, top: 12, bottom: 28 };

interface Line { value: number; label: string; colour: string }

function thresholdLines(s: Sensor): Line[] {
  const lines: [number | null, string, string][] = [
    [s.highHigh, '高高限', '#cf1322'], [s.high, '高限', '#fa8c16'], [s.low, '低限', '#1677ff'], [s.lowLow, '低低限', '#0958d9'],
  ];
  return lines.filter(([v]) => v !== null).map(([value, label, colour]) => ({ value: value!, label, colour }));
}

/** About `count` round numbers spanning [lo, hi]. */
function ticks(lo: number, hi: number, count = 5): number[] {
  const step0 = (hi - lo) / count || 1;
  const mag = 10 ** Math.floor(Math.log10(step0));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= step0) ?? step0;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) out.push(Number(v.toPrecision(10)));
  return out;
}

export function SeriesChart({ sensor, series, from, to }: { sensor: Sensor; series: Series; from: number; to: number }) {
  const lines = thresholdLines(sensor);
  const points = series.points;
  const svg = useRef<SVGSVGElement>(null);
  const [hover, setHover] = useState<number | null>(null);

  const scale = useMemo(() => {
    const values = points.flatMap((p) => [p.min ?? p.v, p.max ?? p.v]).concat(lines.map((l) => l.value));
    let lo = Math.min(...values);
    let hi = Math.max(...values);
    if (!Number.isFinite(lo)) { lo = 0; hi = 1; }
    if (hi - lo < 1e-9) { lo -= 1; hi += 1; }
    const margin = (hi - lo) * 0.08;
    lo -= margin; hi += margin;
    const x = (t: number) => PAD.left + ((t - from) / (to - from || 1)) * (W - PAD.left - PAD.right);
    const y = (v: number) => PAD.top + (1 - (v - lo) / (hi - lo)) * (H - PAD.top - PAD.bottom);
    return { lo, hi, x, y };
  }, [points, lines, from, to]);

  if (!points.length) return <Empty description="该时段没有读数" />;

  const { x, y } = scale;
  const ts = points.map((p) => Date.parse(p.t));
  const path = points.map((p, i) => `${i ? 'L' : 'M'}${x(ts[i]).toFixed(1)},${y(p.v).toFixed(1)}`).join('');
  const banded = points.some((p) => p.min !== undefined && p.max !== undefined);
  const band = banded
    ? points.map((p, i) => `${i ? 'L' : 'M'}${x(ts[i]).toFixed(1)},${y(p.max ?? p.v).toFixed(1)}`).join('')
      + [...points].reverse().map((p, j) => `L${x(ts[points.length - 1 - j]).toFixed(1)},${y(p.min ?? p.v).toFixed(1)}`).join('') + 'Z'
    : null;
  const span = to - from;
  const timeFormat = span > 3 * 86_400_000 ? 'MM-DD' : span > 86_400_000 ? 'MM-DD HH:mm' : 'HH:mm';
  const timeTicks = Array.from({ length: 6 }, (_, i) => from + (span * i) / 5);

  /** The point nearest the pointer, by time. */
  function onMove(e: React.PointerEvent<SVGSVGElement>) {
    const box = svg.current!.getBoundingClientRect();
    const t = from + (((e.clientX - box.left) / box.width) * W - PAD.left) / (W - PAD.left - PAD.right) * span;
    let best = 0;
    for (let i = 1; i < ts.length; i++) if (Math.abs(ts[i] - t) < Math.abs(ts[best] - t)) best = i;
    setHover(best);
  }
  const h = hover !== null ? points[hover] : null;

  return (
    <svg ref={svg} viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={`${sensor.name}读数曲线`} data-testid="series-chart"
      style={{ touchAction: 'pan-y', fontSize: 11, userSelect: 'none' }} onPointerMove={onMove} onPointerLeave={() => setHover(null)}>
      {ticks(scale.lo, scale.hi).map((v) => (
        <g key={v}>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="#f0f0f0" />
          <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" fill="#8c8c8c">{Number(v.toPrecision(6))}</text>
        </g>
      ))}
      {timeTicks.map((t) => (
        <text key={t} x={x(t)} y={H - 8} textAnchor="middle" fill="#8c8c8c">{dayjs(t).format(timeFormat)}</text>
      ))}
      <line x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} stroke="#d9d9d9" />
      {lines.map((l) => (
        <g key={l.label} data-testid="threshold-line">
          <line x1={PAD.left} x2={W - PAD.right} y1={y(l.value)} y2={y(l.value)} stroke={l.colour} strokeDasharray="6 4" />
          <text x={W - PAD.right + 4} y={y(l.value) + 4} fill={l.colour}>{l.label} {Number(l.value.toPrecision(6))}</text>
        </g>
      ))}
      {band && <path d={band} fill="#1677ff" fillOpacity={0.12} stroke="none" />}
      <path d={path} fill="none" stroke="#1677ff" strokeWidth={1.5} strokeLinejoin="round" />
      {points.length < 60 && points.map((p, i) => <circle key={p.t} cx={x(ts[i])} cy={y(p.v)} r={2.5} fill="#1677ff" />)}
      {h && hover !== null && (
        <g pointerEvents="none">
          <line x1={x(ts[hover])} x2={x(ts[hover])} y1={PAD.top} y2={H - PAD.bottom} stroke="#8c8c8c" strokeDasharray="2 2" />
          <circle cx={x(ts[hover])} cy={y(h.v)} r={4} fill="#1677ff" stroke="#fff" />
          <text x={Math.min(x(ts[hover]) + 6, W - PAD.right - 150)} y={PAD.top + 12} fill="#262626">
            {dayjs(ts[hover]).format('MM-DD HH:mm:ss')}　{valueText(h.v, sensor.unit)}
          </text>
        </g>
      )}
    </svg>
  );
}
