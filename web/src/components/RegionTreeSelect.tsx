// Picks a region from the region tree, with search by name.
import { TreeSelect } from 'antd';
import type { RegionNode } from '../api/types';
import { useRegionTree } from './regions';

interface TreeOption { value: string; title: string; children: TreeOption[] }

function toOptions(nodes: RegionNode[]): TreeOption[] {
  return nodes.map((node) => ({ value: node.code, title: node.name, children: toOptions(node.children) }));
}

interface Props {
  /** Set by Form.Item, so that its label points at this control. */
  id?: string;
  value?: string;
  onChange?: (code: string | undefined) => void;
  placeholder?: string;
}

export function RegionTreeSelect({ id, value, onChange, placeholder = '选择行政区划' }: Props) {
  const tree = useRegionTree();
  return (
    <TreeSelect id={id} value={value} onChange={onChange} placeholder={placeholder} loading={tree.isPending}
      treeData={tree.data ? toOptions(tree.data) : []} showSearch={{ treeNodeFilterProp: 'title' }} allowClear
      treeDefaultExpandedKeys={tree.data?.map((root) => root.code)} style={{ width: '100%' }} />
  );
}
