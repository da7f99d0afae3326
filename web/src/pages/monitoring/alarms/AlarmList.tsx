// The alarm list with its filters and quick views (未关闭 / 待确认 / 全部), kept in the URL; the open alarm is
// the `alarm` parameter, so a link can open it. Used by 报警处置 and the enterprise page's tab.
import { useSearchParams } from 'react-router';
import { Flex, Grid, Segmented } from 'antd';
import type { QueryParams } from '../../../api/client';
import type { FilterDef } from '../../../components/list/FilterBar';
import { PagedTable } from '../../../components/list/PagedTable';
import { ALARM_RULES, ALARM_STATUSES, ALARMS, optionsOf, type Alarm } from '../monitoringApi';
import { alarmColumns } from './alarmColumns';
import { AlarmDrawer } from './AlarmDrawer';

const VIEWS = [{ label: '未关闭', value: 'open' }, { label: '待确认', value: 'raised' }, { label: '全部', value: 'all' }];
const VIEW_PARAMS: Record<string, QueryParams> = { open: { open: true }, raised: { status: 'raised' }, all: {} };
const FILTERS: FilterDef[] = [
  { kind: 'select', name: 'level', placeholder: '级别', options: [{ label: '一级报警', value: '1' }, { label: '二级报警', value: '2' }], width: 120 },
  { kind: 'select', name: 'rule', placeholder: '报警类型', options: optionsOf(ALARM_RULES), width: 130 },
  { kind: 'dateRange', from: 'from', to: 'to' },
];
const ALL_FILTERS: FilterDef[] = [{ kind: 'select', name: 'status', placeholder: '处置状态', options: optionsOf(ALARM_STATUSES), width: 120 }, ...FILTERS,
  { kind: 'select', name: 'falseAlarm', placeholder: '是否误报', options: [{ label: '误报', value: 'true' }, { label: '非误报', value: 'false' }], width: 110 }];

interface Props {
  params?: QueryParams;
  showWhere?: boolean;
  /** Alarms raised while the page is open, marked 新. */
  fresh?: ReadonlySet<string>;
  emptyText: string;
}

export function AlarmList({ params, showWhere = true, fresh = new Set(), emptyText }: Props) {
  const phone = Grid.useBreakpoint().md === false;
  const [search, setSearch] = useSearchParams();
  const view = VIEWS.some((v) => v.value === search.get('view')) ? search.get('view')! : 'open';
  const openId = search.get('alarm');
  const set = (name: string, value: string | null) => setSearch((prev) => {
    const p = new URLSearchParams(prev);
    if (value === null) p.delete(name); else p.set(name, value);
    if (name === 'view') { p.delete('page'); p.delete('status'); }
    return p;
  }, { replace: name === 'view' });

  return (
    <Flex vertical gap={12}>
      <Segmented value={view} options={VIEWS} onChange={(v) => set('view', v === 'open' ? null : String(v))} />
      <PagedTable<Alarm> key={view} path={ALARMS} rowKey="id" params={{ ...params, ...VIEW_PARAMS[view] }}
        filters={view === 'all' ? ALL_FILTERS : FILTERS} columns={alarmColumns(phone, showWhere, fresh, (id) => set('alarm', id))}
        rowClassName={(a) => (fresh.has(a.id) ? 'yj-alarm-fresh' : '')} data-testid="alarm-table"
        emptyText={view === 'all' ? emptyText : view === 'open' ? '没有未关闭的报警' : '没有待确认的报警'} />
      <AlarmDrawer id={openId} onClose={() => set('alarm', null)} />
    </Flex>
  );
}
