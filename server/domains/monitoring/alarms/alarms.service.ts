// The people's side of an alarm: acknowledge, dispose (cause, measures, false alarm or not), close; each move
// audited and in the alarm's trail, published to the screens after commit.
import { audit, type Ctx } from '../../../platform/context.js';
import { AppError, notFound } from '../../../platform/http/errors.js';
import { uuidv7 } from '../../../platform/ids.js';
import { allowedMoves, nextState } from '../../../platform/workflow/state-machine.js';
import { type AlarmMove, alarmMachine } from './alarm.machine.js';
import { type AlarmRow, type AlarmWrite, findAlarm, insertAlarmEvent, lockAlarm, updateAlarm } from './alarms.store.js';

export interface MoveInput { comment?: string; cause?: string; measures?: string; falseAlarm?: boolean }

/** The moves the state allows now (close waits until the condition has ended, unless it was a false alarm). */
export function movesOf(a: AlarmRow): AlarmMove[] {
  return allowedMoves(alarmMachine, a.status).filter((m) => m !== 'close' || !!a.cleared_at || !!a.false_alarm);
}

/** One move of the alarm workflow by the caller. */
export async function moveAlarm(ctx: Ctx, id: string, move: AlarmMove, input: MoveInput): Promise<AlarmRow> {
  const a = await ctx.db.tx(async (tx) => {
    await lockAlarm(tx, id);
    const a = await findAlarm(tx, ctx.actor.scope, id);
    if (!a) throw notFound('报警', 'Alarm');
    const to = nextState(alarmMachine, a.status, move);
    const now = ctx.clock().toISOString();
    const w: AlarmWrite = { status: to };
    if (move === 'acknowledge') Object.assign(w, { acknowledged_at: now, acknowledged_by: ctx.actor.id });
    if (move === 'dispose') Object.assign(w, { disposed_at: now, disposed_by: ctx.actor.id, cause: input.cause, measures: input.measures, false_alarm: input.falseAlarm });
    if (move === 'close') {
      if (!a.cleared_at && !a.false_alarm) {
        throw new AppError(409, 'alarm_active', a.rule === 'offline'
          ? '设备仍处于离线状态，恢复上报数据后才能关闭该报警' : '测点仍处于报警状态（数值尚未恢复正常），恢复正常后才能关闭；如属误报，请在处置时注明误报', 'The alarm condition is still present');
      }
      Object.assign(w, { closed_at: now, closed_by: ctx.actor.id });
    }
    await updateAlarm(tx, id, w);
    await insertAlarmEvent(tx, { id: uuidv7(), alarm_id: id, at: now, actor_id: ctx.actor.id, actor_name: ctx.actor.name, action: move, from_status: a.status, to_status: to,
      comment: input.comment ?? null, data: move === 'dispose' ? { cause: input.cause, measures: input.measures, falseAlarm: input.falseAlarm } : undefined });
    await audit(ctx, tx, { action: `monitoring.alarm.${move}`, entityType: 'monitoring_alarm', entityId: id, regionCode: a.region_code,
      before: { status: a.status }, after: { status: to, ...(move === 'dispose' ? { cause: input.cause, measures: input.measures, falseAlarm: input.falseAlarm } : {}) } });
    return (await findAlarm(tx, { kind: 'all' }, id))!;
  });
  await ctx.events.publish({ type: 'monitoring.alarm.updated', regionCode: a.region_code, enterpriseId: a.enterprise_id, orgId: a.regulator_org_id,
    data: { id: a.id, status: a.status, level: a.level } });
  return a;
}
