// 行刑衔接: reported → the head decides (3 日) → transferred to the police (24 小时) → the police decide.
import { TRANSFER_STATUSES } from '../../../../contracts/enforcement.js';
import { defineMachine } from '../../../platform/workflow/state-machine.js';

export type TransferState = keyof typeof TRANSFER_STATUSES;

export const transferMachine = defineMachine({
  name: 'enforcement_transfer',
  stateLabels: TRANSFER_STATUSES,
  moves: {
    approve: { from: ['reported'], to: 'approved', label: '决定移送' },
    refuse: { from: ['reported'], to: 'refused', label: '决定不移送' },
    send: { from: ['approved'], to: 'transferred', label: '移送公安机关' },
    accept: { from: ['transferred'], to: 'accepted', label: '公安机关立案' },
    decline: { from: ['transferred'], to: 'declined', label: '公安机关不予立案' },
  },
});
