// 报警处置 workflow: raised → acknowledged → disposed (cause, measures, false alarm or not) → closed.
import { ALARM_STATUSES } from '../../../../contracts/monitoring.js';
import { defineMachine } from '../../../platform/workflow/state-machine.js';

export type AlarmState = keyof typeof ALARM_STATUSES;

export const alarmMachine = defineMachine({
  name: 'alarm',
  stateLabels: ALARM_STATUSES,
  moves: {
    // 确认: someone has seen it and takes it on; stops the escalation.
    acknowledge: { from: ['raised'], to: 'acknowledged', label: '确认报警' },
    // 处置: the cause found, the measures taken, and whether it was a false alarm.
    dispose: { from: ['acknowledged'], to: 'disposed', label: '处置报警' },
    // 关闭: done; a new exceedance after this raises a new alarm.
    close: { from: ['disposed'], to: 'closed', label: '关闭报警' },
  },
});

export type AlarmMove = keyof typeof alarmMachine.moves;
