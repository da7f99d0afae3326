// Picks several regions (a warning's area) from the region tree; a chosen town covers its villages.
import { TreeSelect } from 'antd';
import type { RegionNode } from '../../../api/types';
import { useRegionTree } from '../../../components/regions';

interface TreeOption { value: string; title: string; children: TreeOption[] }
const toOptions = (nodes: RegionNode[]): TreeOption[] => nodes.map((n) => ({ value: n.code, title: n.name, children: toOptions(n.children) }));

export function RegionsSelect({ id, value, onChange }: { id?: string; value?: string[]; onChange?: (codes: string[]) => void }) {
  const tree = useRegionTree();
  return (
    <TreeSelect id={id} value={value} onChange={onChange} multiple treeCheckable showCheckedStrategy={TreeSelect.SHOW_PARENT}
      treeCheckStrictly={false} placeholder="选择预警覆盖的乡镇、村（可多选）" loading={tree.isPending} maxTagCount="responsive"
      treeData={tree.data ? toOptions(tree.data) : []} showSearch={{ treeNodeFilterProp: 'title' }} allowClear
      treeDefaultExpandedKeys={tree.data?.map((r) => r.code)} style={{ width: '100%' }} />
  );
}
