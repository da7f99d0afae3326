// The action bar of an alarm: one button per move the server allows now (allowedMoves), each in a dialog
// with its form, then a confirmation; the server's refusal is shown as it is and the dialog stays open.
import { useState } from 'react';
import { App, Button, Flex, Form, Grid, Modal } from 'antd';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/mutation';
import { useMe } from '../../../app/session';
import { ALARMS, OVERVIEW, SENSORS, type Alarm } from '../monitoringApi';
import { ALARM_MOVES, MOVE_ORDER, type AlarmMoveKey } from './alarmMoves';

const clean = (v: Record<string, unknown>) => Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== null && x !== ''));

export function AlarmActions({ alarm }: { alarm: Alarm }) {
  const phone = Grid.useBreakpoint().md === false;
  const me = useMe();
  const { modal } = App.useApp();
  const [form] = Form.useForm();
  const [move, setMove] = useState<AlarmMoveKey | null>(null);
  const spec = move ? ALARM_MOVES[move] : null;
  const mutation = useApiMutation((body: unknown) => api.post<Alarm>(`${ALARMS}/${alarm.id}/${move}`, body), {
    invalidate: [ALARMS, OVERVIEW, SENSORS], success: spec?.success, onSuccess: () => setMove(null),
  });
  const moves = me.permissions.includes('monitoring:handle') ? MOVE_ORDER.filter((m) => alarm.allowedMoves.includes(m)) : [];
  if (!moves.length) return null;

  function confirm(values: Record<string, unknown>) {
    if (!spec) return;
    modal.confirm({
      title: spec.confirm, content: spec.summary?.(values), okText: '确定', cancelText: '再看看',
      onOk: () => mutation.mutateAsync(clean(values)).catch(() => undefined),
    });
  }

  return (
    <>
      <Flex wrap gap={8} data-testid="alarm-actions" style={phone ? { width: '100%' } : undefined}>
        {moves.map((m, i) => (
          <Button key={m} type={i === 0 ? 'primary' : 'default'} size={phone ? 'large' : 'middle'} style={phone ? { flex: '1 1 30%' } : undefined}
            onClick={() => setMove(m)}>{ALARM_MOVES[m].label}</Button>
        ))}
      </Flex>
      <Modal open={!!spec} title={spec ? `${spec.label}报警 · ${alarm.sensorName ?? alarm.deviceName}` : ''} okText="提交" cancelText="取消"
        confirmLoading={mutation.isPending} onOk={() => form.submit()} onCancel={() => setMove(null)} destroyOnHidden width={560} centered>
        {spec && <Form form={form} layout="vertical" size="large" onFinish={confirm} preserve={false}>{spec.fields}</Form>}
      </Modal>
    </>
  );
}
