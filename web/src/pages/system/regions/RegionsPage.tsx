// 行政区划: the county's region tree; add a child region, rename a region.
import { useMemo, useState } from 'react';
import { Alert, Button, Card, Empty, Flex, Input, Space, Tag, Tree, Typography } from 'antd';
import type { RegionLevelCode, RegionNode } from '../../../api/types';
import { PageHeader } from '../../../components/PageHeader';
import { REGION_LEVELS, useRegionTree } from '../../../components/regions';
import { branchCodes, CHILD_LEVELS, filterTree } from './regionTree';
import { RegionFormModal, type RegionEdit } from './RegionFormModal';

interface TreeNode { key: string; region: RegionNode; children: TreeNode[] }

function toTreeNodes(nodes: RegionNode[]): TreeNode[] {
  return nodes.map((region) => ({ key: region.code, region, children: toTreeNodes(region.children) }));
}

const ABOVE_TOWN: RegionLevelCode[] = ['province', 'city', 'county'];

export default function RegionsPage() {
  const tree = useRegionTree();
  const [q, setQ] = useState('');
  const [expanded, setExpanded] = useState<string[] | null>(null);
  const [edit, setEdit] = useState<RegionEdit | null>(null);

  const nodes = useMemo(() => (q ? filterTree(tree.data ?? [], q) : tree.data ?? []), [tree.data, q]);
  const treeData = useMemo(() => toTreeNodes(nodes), [nodes]);
  // Until the user opens or closes a branch: open down to the towns, or every branch of a search result.
  const expandedKeys = expanded ?? (q ? branchCodes(nodes) : branchCodes(nodes, ABOVE_TOWN));

  function renderTitle({ region: node }: TreeNode) {
    return (
      <Flex wrap align="center" gap={8} style={{ padding: '2px 0' }}>
        <span>{node.name}</span>
        <Tag>{REGION_LEVELS[node.level]}</Tag>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{node.code}</Typography.Text>
        <Space size={0}>
          {CHILD_LEVELS[node.level].length > 0 && (
            <Button type="link" size="small" onClick={(e) => { e.stopPropagation(); setEdit({ mode: 'create', parent: node }); }}>新增下级</Button>
          )}
          <Button type="link" size="small" onClick={(e) => { e.stopPropagation(); setEdit({ mode: 'edit', region: node }); }}>修改</Button>
        </Space>
      </Flex>
    );
  }

  return (
    <>
      <PageHeader title="行政区划">区划代码采用 12 位统计用区划代码；新增后不可修改代码，只能修改名称和排序。</PageHeader>
      <Card>
        <Input.Search placeholder="按名称或代码查找" allowClear style={{ maxWidth: 320, marginBottom: 16 }}
          onSearch={(value) => { setQ(value.trim()); setExpanded(null); }} />
        {tree.isError && <Alert type="error" showIcon title="区划加载失败" description={tree.error.message} />}
        {tree.data && nodes.length === 0 && (
          <Empty description={q ? `没有名称或代码包含“${q}”的区划` : '尚未导入行政区划，请先运行演示数据或导入本县区划。'} />
        )}
        {nodes.length > 0 && (
          <Tree<TreeNode> treeData={treeData}
            expandedKeys={expandedKeys} onExpand={(keys) => setExpanded(keys.map(String))}
            titleRender={renderTitle} selectable={false} blockNode />
        )}
      </Card>
      <RegionFormModal edit={edit} onClose={() => setEdit(null)} />
    </>
  );
}
