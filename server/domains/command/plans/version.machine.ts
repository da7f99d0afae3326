// 预案版本流转: 起草 → 会签 → 审批 → 发布; a newer publication supersedes the old one; 退回 goes back to drafting.
import { defineMachine } from '../../../platform/workflow/state-machine.js';

export type VersionState = 'drafting' | 'countersign' | 'approval' | 'published' | 'superseded';
export type VersionMove = 'countersign' | 'submit' | 'approve' | 'return' | 'supersede';

export const versionMachine = defineMachine<VersionState, VersionMove>({
  name: 'command_plan_version',
  stateLabels: { drafting: '起草中', countersign: '会签中', approval: '待审批', published: '已发布', superseded: '已废止' },
  moves: {
    countersign: { from: ['drafting'], to: 'countersign', label: '发起会签' },
    submit: { from: ['drafting', 'countersign'], to: 'approval', label: '提交审批' },
    approve: { from: ['approval'], to: 'published', label: '审批发布' },
    return: { from: ['countersign', 'approval'], to: 'drafting', label: '退回修改' },
    supersede: { from: ['published'], to: 'superseded', label: '废止旧版本' },
  },
});
