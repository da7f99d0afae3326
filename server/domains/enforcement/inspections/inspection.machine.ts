// The inspection workflow: planned → on site → completed, or cancelled with a reason.
import { INSPECTION_STATUSES } from '../../../../contracts/enforcement.js';
import { defineMachine } from '../../../platform/workflow/state-machine.js';

export const inspectionMachine = defineMachine({
  name: 'enforcement_inspection',
  stateLabels: INSPECTION_STATUSES,
  moves: {
    start: { from: ['planned'], to: 'on_site', label: '开始现场检查' },
    complete: { from: ['on_site'], to: 'completed', label: '完成检查' },
    cancel: { from: ['planned', 'on_site'], to: 'cancelled', label: '取消检查' },
  },
});
