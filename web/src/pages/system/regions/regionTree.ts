// Region tree helpers of the regions page: search filter and the levels a child may have.
import type { RegionLevelCode, RegionNode } from '../../../api/types';

/** The levels a child of a region of `level` may have. */
export const CHILD_LEVELS: Record<RegionLevelCode, RegionLevelCode[]> = {
  province: ['city'],
  city: ['county'],
  county: ['town', 'park'],
  town: ['village'],
  park: [],
  village: [],
};

/** Digits a child's code shares with its parent (GB/T 2260: 2 省, 2 市, 2 县, 3 乡, 3 村). */
export const CODE_PREFIX: Record<RegionLevelCode, number> = { province: 2, city: 4, county: 6, town: 9, park: 9, village: 12 };

/** The nodes whose name or code matches `q`, with their ancestors; all of a match's descendants are kept. */
export function filterTree(nodes: RegionNode[], q: string): RegionNode[] {
  const out: RegionNode[] = [];
  for (const node of nodes) {
    if (node.name.includes(q) || node.code.startsWith(q)) out.push(node);
    else {
      const children = filterTree(node.children, q);
      if (children.length) out.push({ ...node, children });
    }
  }
  return out;
}

/** The codes of the nodes that have children (of the given levels, if any): the keys to expand. */
export function branchCodes(nodes: RegionNode[], levels?: RegionLevelCode[]): string[] {
  return nodes.flatMap((node) => (node.children.length && (!levels || levels.includes(node.level))
    ? [node.code, ...branchCodes(node.children, levels)] : []));
}
