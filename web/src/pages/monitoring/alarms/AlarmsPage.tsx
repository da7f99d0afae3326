// 报警处置: the alarms the account may see; a new alarm appears within a second (server events), is marked
// 新, announced and sounded (the duty screen; the sound can be muted here), then acknowledged, disposed, closed.
import { useState } from 'react';
import { App, Button, Switch, Tooltip } from 'antd';
import { SoundOutlined } from '@ant-design/icons';
import { useMe } from '../../../app/session';
import { PageHeader } from '../../../components/PageHeader';
import { useAlarmSound } from '../alarmSound';
import { OverviewBar } from '../OverviewBar';
import { useMonitoringEvents } from '../useMonitoringEvents';
import { AlarmList } from './AlarmList';
import './alarms.css';

export default function AlarmsPage() {
  const me = useMe();
  const { notification } = App.useApp();
  const sound = useAlarmSound();
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  useMonitoringEvents((a) => {
    setFresh((prev) => new Set(prev).add(a.id));
    sound.play(a.level);
    notification.error({ key: a.id, title: a.level >= 2 ? '新的二级报警' : '新的报警', description: a.message, placement: 'bottomRight', duration: 6 });
  });
  return (
    <>
      <PageHeader title="报警处置" extra={
        <Tooltip title="有新报警时在本机播放提示音">
          <Button icon={<SoundOutlined />} data-testid="alarm-sound" onClick={() => sound.setMuted(!sound.muted)}>
            报警声音 <Switch size="small" checked={!sound.muted} style={{ marginInlineStart: 4 }} />
          </Button>
        </Tooltip>
      }>
        新报警实时推送并提示音。确认报警后停止逐级提醒；处置时写明原因、措施和是否误报；数值恢复正常后关闭。
      </PageHeader>
      <OverviewBar />
      <AlarmList fresh={fresh} showWhere={me.scope.kind !== 'enterprise'} emptyText="还没有监测报警。" />
    </>
  );
}
