// The case workflow (立案 → 调查 → 告知 → 听证 → 决定 → 送达 → 执行 → 结案): only these moves exist.
import { CASE_STATUSES } from '../../../../contracts/enforcement.js';
import { defineMachine } from '../../../platform/workflow/state-machine.js';

export type CaseState = keyof typeof CASE_STATUSES;

export const caseMachine = defineMachine({
  name: 'enforcement_case',
  stateLabels: CASE_STATUSES,
  moves: {
    approve: { from: ['filing'], to: 'investigating', label: '批准立案' },
    reject: { from: ['filing'], to: 'not_filed', label: '不予立案' },
    notify: { from: ['investigating'], to: 'notified', label: '告知拟处罚及权利' },
    request_hearing: { from: ['notified'], to: 'hearing', label: '申请听证' },
    hold_hearing: { from: ['hearing'], to: 'heard', label: '举行听证' },
    decide: { from: ['notified', 'heard'], to: 'decided', label: '作出处罚决定' },
    serve: { from: ['decided'], to: 'executing', label: '送达处罚决定书' },
    apply_enforcement: { from: ['executing'], to: 'enforcing', label: '申请强制执行' },
    close: { from: ['executing', 'enforcing'], to: 'closed', label: '结案' },
  },
});

export type CaseMove = keyof typeof caseMachine.moves;
