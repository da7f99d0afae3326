// One alarm in a drawer: what raised it, where, its handling so far (处置过程) and the action bar.
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Descriptions, Drawer, Flex, Grid, Skeleton, Timeline, Typography } from 'antd';
import { api } from '../../../api/client';
import { formatTime } from '../../../components/format';
import { ALARM_CONDITIONS, ALARMS, valueText, whereOf, type AlarmDetail } from '../monitoringApi';
import { AlarmLevelTag, AlarmStatusTag } from '../MonitoringTags';
import { AlarmActions } from './AlarmActions';

export function AlarmDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const phone = Grid.useBreakpoint().md === false;
  const query = useQuery({ queryKey: [ALARMS, id], queryFn: () => api.get<AlarmDetail>(`${ALARMS}/${id}`), enabled: !!id });
  const a = query.data;
  return (
    <Drawer open={!!id} onClose={onClose} size={phone ? '100%' : 640} destroyOnHidden
      title={a ? <Flex gap={8} wrap align="center">{a.sensorName ?? a.deviceName}<AlarmLevelTag alarm={a} /><AlarmStatusTag status={a.status} /></Flex> : '报警详情'}
      footer={a && <AlarmActions alarm={a} />}>
      {query.isError && <Alert type="error" showIcon title="报警加载失败" description={query.error.message} />}
      {query.isPending && id ? <Skeleton active /> : a && (
        <Flex vertical gap={16} data-testid="alarm-detail">
          <Alert type={a.status === 'closed' ? 'info' : a.level >= 2 ? 'error' : 'warning'} showIcon title={a.message}
            description={a.clearedAt ? `数值已于 ${formatTime(a.clearedAt)} 恢复正常` : a.status !== 'closed' ? '数值尚未恢复正常' : undefined} />
          <Descriptions size="small" column={phone ? 1 : 2} bordered items={[
            { label: '报警条件', children: ALARM_CONDITIONS[a.condition] },
            { label: '报警时间', children: formatTime(a.raisedAt) },
            { label: '报警值', children: valueText(a.value, a.unit) },
            { label: '阈值', children: valueText(a.threshold, a.unit) },
            { label: '峰值', children: valueText(a.peakValue, a.unit) },
            { label: '设备', children: a.deviceName },
            { label: '所在', children: a.enterpriseId ? <Link to={`/enterprises/${a.enterpriseId}`}>{a.enterpriseName}</Link> : whereOf(a) },
            { label: '逐级提醒', children: a.escalationStep ? `已升级 ${a.escalationStep} 级` : '未升级' },
            ...(a.disposedAt ? [
              { label: '报警原因', children: a.cause, span: 2 },
              { label: '处置措施', children: a.measures, span: 2 },
              { label: '是否误报', children: a.falseAlarm ? '误报' : '真实报警' },
              { label: '处置时间', children: formatTime(a.disposedAt) },
            ] : []),
          ]} />
          <div>
            <Typography.Title level={5}>处置过程</Typography.Title>
            <Timeline data-testid="alarm-trail" items={a.events.map((e) => ({
              content: (
                <div>
                  <strong>{e.actionLabel}</strong> <Typography.Text type="secondary">{formatTime(e.at)} · {e.actorName}</Typography.Text>
                  {e.comment && <div>{e.comment}</div>}
                </div>
              ),
            }))} />
          </div>
        </Flex>
      )}
    </Drawer>
  );
}
