import { describe, expect, it } from 'vitest';
import { allowedMoves, defineMachine, nextState } from './state-machine.js';

const door = defineMachine({
  name: 'door',
  stateLabels: { open: '开', closed: '关', locked: '锁' },
  moves: {
    close: { from: ['open'], to: 'closed', label: '关门' },
    lock: { from: ['closed'], to: 'locked', label: '上锁' },
    open: { from: ['closed'], to: 'open', label: '开门' },
  },
});

describe('state machine', () => {
  it('allows only the moves in the table', () => {
    expect(nextState(door, 'open', 'close')).toBe('closed');
    expect(() => nextState(door, 'open', 'lock')).toThrow('当前状态「开」不能执行「上锁」');
    expect(allowedMoves(door, 'closed').sort()).toEqual(['lock', 'open']);
  });
});
