// Filters that arrive in the address from a figure's link (综合态势, 统计分析, 工作报告) but have no control of their
// own on the page: the list applies them, and they are shown in a note with a way back to the whole list, so a list narrowed by a
// link never looks like the whole list.
import { Alert, Button } from 'antd';
import { SECTORS } from '../../../../contracts/enterprises';
import type { RegionNode } from '../../api/types';
import { useRegionTree } from '../regions';

/** A linked filter: its label, and how to show its value (the value itself by default). */
export interface LinkedFilter { label: string; format?: (value: string) => string }
export type LinkedFilters = Record<string, LinkedFilter | string>;

const sectorLabel = (v: string) => SECTORS.find((s) => s.code === v)?.label ?? v;
const yesNo = (v: string) => (v === 'true' ? '是' : v === 'false' ? '否' : v);

/** The filters figures link with, by the name the list routes give them; pages pick what their list accepts. */
export const LINKED = {
  sector: { label: '行业', format: sectorLabel },
  subtype: '类别',
  from: '期间起',
  to: '期间止',
  closedTo: '截至此日已整改销号',
  numbered: { label: '已编文号', format: yesNo },
  statusChange: { label: '状态变更为', format: (v: string) => ({ suspended: '停产停业', closed: '关闭', banned: '取缔', operating: '在营' } as Record<string, string>)[v] ?? v },
  changedFrom: '状态变更起', changedTo: '状态变更止', establishedFrom: '成立日期起', establishedTo: '成立日期止',
  regionCode: '区域', parentId: { label: '分配自', format: () => '所选县级下拨' }, recipientKind: { label: '分配对象', format: (v: string) => (v === 'town' ? '乡镇' : v === 'department' ? '部门' : v) },
} satisfies LinkedFilters;

/** A region's name by its code, from the tree the pickers already load (the code itself until it arrives). */
function useRegionName(): (code: string) => string {
  const tree = useRegionTree().data ?? [];
  return (code) => {
    const walk = (nodes: RegionNode[]): string | undefined => {
      for (const n of nodes) { if (n.code === code) return n.name; const hit = walk(n.children); if (hit) return hit; }
      return undefined;
    };
    return walk(tree) ?? code;
  };
}

export function LinkedFilterTags({ defs, values, onClear }: { defs: LinkedFilters; values: Record<string, string | undefined>; onClear: (name: string) => void }) {
  const regionName = useRegionName();
  const set = Object.entries(defs).filter(([name]) => values[name]);
  if (!set.length) return null;
  // The same note as the responsibility pages' (useTraceParams): what narrows the list, and a way back to all of it;
  // a period reads as one phrase.
  const isPeriod = (name: string) => name === 'from' || name === 'to';
  const period = set.some(([name]) => isPeriod(name)) ? [`${values.from ?? '…'} 至 ${values.to ?? '…'}`] : [];
  const words = [...period, ...set.filter(([name]) => !isPeriod(name)).map(([name, d]) => {
    const def = typeof d === 'string' ? { label: d } : d;
    const v = values[name]!;
    return `${def.label}：${name === 'regionCode' ? regionName(v) : def.format ? def.format(v) : v}`;
  })];
  return (
    <Alert type="info" showIcon title={`按统计口径显示：${words.join('，')}`} data-testid="trace-note"
      action={<Button size="small" onClick={() => set.forEach(([name]) => onClear(name))}>查看全部</Button>} />
  );
}

/** The linked filters a page accepts, picked by name from LINKED. */
export const pick = (...names: (keyof typeof LINKED)[]): LinkedFilters => Object.fromEntries(names.map((n) => [n, LINKED[n]]));
