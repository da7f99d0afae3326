// The tags of monitoring records: sensor state, alarm level and status, warning colour.
import { Tag } from 'antd';
import {
  ALARM_STATUS_COLOURS, ALARM_STATUSES, LEVEL_COLOURS, SENSOR_STATES, STATE_STYLE, WARNING_COLOUR_CSS, WARNING_COLOURS,
  type Alarm, type AlarmStatus, type SensorState, type WarningColour,
} from './monitoringApi';

export function SensorStateTag({ state }: { state: SensorState }) {
  return <Tag color={STATE_STYLE[state].tag}>{SENSOR_STATES[state]}</Tag>;
}

export function AlarmLevelTag({ alarm }: { alarm: Pick<Alarm, 'level' | 'levelLabel'> }) {
  return <Tag color={LEVEL_COLOURS[alarm.level] ?? 'default'}>{alarm.levelLabel}</Tag>;
}

export function AlarmStatusTag({ status }: { status: AlarmStatus }) {
  return <Tag color={ALARM_STATUS_COLOURS[status]}>{ALARM_STATUSES[status]}</Tag>;
}

export function WarningColourTag({ colour }: { colour: WarningColour }) {
  return (
    <Tag style={{ background: WARNING_COLOUR_CSS[colour], color: colour === 'yellow' ? '#262626' : '#fff', border: 'none' }}>
      {WARNING_COLOURS[colour]}预警
    </Tag>
  );
}
