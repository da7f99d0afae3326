// 一单四制 workflow of a hidden hazard: only these moves exist.
import { defineMachine } from '../../platform/workflow/state-machine.js';
import { HAZARD_STATUSES } from '../../../contracts/hazards.js';

export type HazardState = keyof typeof HAZARD_STATUSES;

export const hazardMachine = defineMachine({
  name: 'hazard',
  stateLabels: HAZARD_STATUSES,
  moves: {
    // 交办: responsible person, measures, funds, deadline (五落实) are set and work starts.
    assign: { from: ['pending'], to: 'rectifying', label: '交办整改' },
    // 整改完成, with after photos, awaiting 复查 by someone else.
    submit: { from: ['rectifying'], to: 'review', label: '提交复查' },
    // 复查通过 → 销号.
    accept: { from: ['review'], to: 'closed', label: '复查销号' },
    // 复查不通过 → back to work, 继续挂账.
    reject: { from: ['review'], to: 'rectifying', label: '复查不通过' },
  },
});

export type HazardMove = keyof typeof hazardMachine.moves;
