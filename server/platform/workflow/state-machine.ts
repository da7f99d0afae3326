// The one state-machine helper: a workflow is a table of named moves, each from some states to one state.
// A move not in the table is refused with a message naming the state and the move.
import { AppError } from '../http/errors.js';

export interface Move<S extends string> {
  from: readonly S[];
  to: S;
  /** Chinese name of the move, for messages and the trail (e.g. 提交复查). */
  label: string;
}

export interface Machine<S extends string, M extends string> {
  name: string;
  stateLabels: Record<S, string>;
  moves: Record<M, Move<S>>;
}

/** Declare a workflow (typed states and moves). */
export function defineMachine<S extends string, M extends string>(m: Machine<S, M>): Machine<S, M> {
  return m;
}

/** The state after `move` from `current`, or 409 when the move is not allowed there. */
export function nextState<S extends string, M extends string>(m: Machine<S, M>, current: S, move: M): S {
  const def = m.moves[move];
  if (!def) throw new AppError(400, 'unknown_move', `未知操作：${move}`, `Unknown action ${move}`);
  if (!def.from.includes(current)) {
    throw new AppError(409, 'illegal_move', `当前状态「${m.stateLabels[current] ?? current}」不能执行「${def.label}」`,
      `Cannot ${move} from ${current}`);
  }
  return def.to;
}

/** The moves allowed from a state (for the UI's action bar). */
export function allowedMoves<S extends string, M extends string>(m: Machine<S, M>, current: S): M[] {
  return (Object.keys(m.moves) as M[]).filter((k) => m.moves[k].from.includes(current));
}
