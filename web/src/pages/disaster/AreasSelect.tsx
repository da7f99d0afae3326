// Picks the struck areas of a disaster event: several towns and villages from the region tree (a town and one of its
// villages may both be chosen; choosing a town does not tick its villages).
import { TreeSelect } from 'antd';
import type { RegionNode } from '../../api/types';
import { useRegionTree } from '../../components/regions';

interface Option { value: string; title: string; disabled?: boolean; children: Option[] }
const toOptions = (nodes: RegionNode[]): Option[] =>
  nodes.filter((n) => n.level !== 'park').map((n) => ({ value: n.code, title: n.name, disabled: n.level !== 'town' && n.level !== 'village', children: toOptions(n.children) }));

export function AreasSelect({ id, value, onChange }: { id?: string; value?: string[]; onChange?: (v: string[]) => void }) {
  const tree = useRegionTree();
  const names = new Map<string, string>();
  const walk = (ns: RegionNode[]) => ns.forEach((n) => { names.set(n.code, n.name); walk(n.children); });
  walk(tree.data ?? []);
  return (
    <TreeSelect id={id} multiple treeCheckable treeCheckStrictly showCheckedStrategy={TreeSelect.SHOW_ALL} loading={tree.isPending}
      value={(value ?? []).map((v) => ({ value: v, label: names.get(v) ?? v }))} onChange={(v: { value: string }[]) => onChange?.(v.map((x) => x.value))}
      treeData={tree.data ? toOptions(tree.data) : []} showSearch={{ treeNodeFilterProp: 'title' }} placeholder="选择受灾乡镇或村（社区），可多选"
      treeDefaultExpandedKeys={tree.data?.map((r) => r.code)} maxTagCount="responsive" style={{ width: '100%' }} />
  );
}
