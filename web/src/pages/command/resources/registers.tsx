// The registers of 应急资源 as lists: columns, filters and form fields of teams, experts, warehouses, shelters and
// equipment. RegisterTab draws each.
import { Button, Progress, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { FilterDef } from '../../../components/list/FilterBar';
import { formatTime } from '../../../components/format';
import {
  EQUIPMENT_KINDS, EQUIPMENT_STATUSES, labelOf, optionsOf, PATHS, SHELTER_KINDS, TEAM_KINDS, TEAM_READINESS, WAREHOUSE_LEVELS,
  type Equipment, type Expert, type Shelter, type Team, type Warehouse,
} from './api';
import { PLACE_FIELDS } from './RecordForm';
import type { RegisterDef } from './RegisterTab';
import { PersonalValue } from '../../../components/PersonalValue';

const READINESS_COLOURS: Record<string, string> = { ready: 'success', dispatched: 'processing', off_duty: 'default' };
const STATUS_COLOURS: Record<string, string> = { ready: 'success', in_use: 'processing', repair: 'warning', retired: 'default' };
const search = (placeholder: string): FilterDef => ({ kind: 'search', name: 'q', placeholder });
/** A contact with the phone masked, revealed (audited) with 查看: `entity` is the register (resource_team, …). */
const phone = (name: string | null, tel: string | null, entity: string, id: string, field: string) => (name || tel
  ? <Space size={4} wrap>{name}{tel && <PersonalValue value={tel} entity={entity} id={id} field={field} />}</Space> : '—');
const place = { title: '所在区划', dataIndex: 'regionName', width: 120 };

export const TEAMS: RegisterDef<Team> = {
  what: '救援队伍', path: PATHS.teams, emptyText: '没有可查看的救援队伍。',
  importHint: '按模板填写后上传：每行一支队伍，区划可填代码或镇、村名称。队员请在队伍详情中添加。',
  filters: [search('队伍名称、负责人、电话'), { kind: 'select', name: 'kind', placeholder: '队伍类别', options: optionsOf(TEAM_KINDS) },
    { kind: 'segmented', name: 'readiness', options: [{ label: '全部', value: '' }, ...optionsOf(TEAM_READINESS)] }],
  columns: [
    { title: '队伍名称', dataIndex: 'name', render: (v: string, t) => <Link to={`/command/resources/teams/${t.id}`}>{v}</Link> },
    { title: '类别', dataIndex: 'kind', render: (v: string) => labelOf(TEAM_KINDS, v) },
    place,
    { title: '负责人', key: 'leader', render: (_: unknown, t) => phone(t.leader, t.leaderPhone, 'resource_team', t.id, 'leaderPhone') },
    { title: '队员/编制', key: 'strength', render: (_: unknown, t) => <Typography.Text type={t.memberCount < t.plannedStrength ? 'danger' : undefined}>{t.memberCount} / {t.plannedStrength}</Typography.Text> },
    { title: '专业特长', dataIndex: 'specialities', render: (v: string[]) => v.join('、') || '—' },
    { title: '战备状态', dataIndex: 'readiness', render: (v: string) => <Tag color={READINESS_COLOURS[v]}>{labelOf(TEAM_READINESS, v)}</Tag> },
  ],
  fields: [
    { name: 'name', label: '队伍名称', kind: 'text', required: true }, { name: 'kind', label: '队伍类别', kind: 'select', options: optionsOf(TEAM_KINDS), required: true },
    { name: 'ownerOrgId', label: '所属单位', kind: 'org' }, { name: 'readiness', label: '战备状态', kind: 'select', options: optionsOf(TEAM_READINESS) },
    ...PLACE_FIELDS, { name: 'leader', label: '负责人', kind: 'text' }, { name: 'leaderPhone', label: '负责人电话', kind: 'phone' },
    { name: 'plannedStrength', label: '编制人数', kind: 'number', min: 0, max: 10000 }, { name: 'specialities', label: '专业特长', kind: 'tags' },
    { name: 'equipmentNote', label: '装备情况', kind: 'textarea' },
  ],
  defaults: { readiness: 'ready', plannedStrength: 0 },
};

export const EXPERTS: RegisterDef<Expert> = {
  what: '专家', path: PATHS.experts, emptyText: '没有可查看的专家。',
  importHint: '按模板填写后上传：每行一位专家，专业领域可填多个（用“、”分隔）。',
  filters: [search('姓名、单位、电话'), { kind: 'search', name: 'field', placeholder: '专业领域，如 危险化学品', width: 200 }],
  columns: [
    { title: '姓名', dataIndex: 'name' }, { title: '专业领域', dataIndex: 'fields', render: (v: string[]) => v.map((f) => <Tag key={f}>{f}</Tag>) },
    { title: '职称', dataIndex: 'title' }, { title: '工作单位', dataIndex: 'unit' }, { title: '电话', dataIndex: 'phone', render: (v: string | null, x) => phone(null, v, 'resource_expert', x.id, 'phone') },
    { title: '可调用', dataIndex: 'available', render: (v: boolean) => (v ? <Tag color="success">是</Tag> : <Tag>否</Tag>) },
  ],
  fields: [
    { name: 'name', label: '姓名', kind: 'text', required: true }, { name: 'fields', label: '专业领域', kind: 'tags', required: true },
    { name: 'title', label: '职称', kind: 'text' }, { name: 'unit', label: '工作单位', kind: 'text' }, { name: 'phone', label: '电话', kind: 'phone' },
    { name: 'available', label: '可调用', kind: 'switch' }, { name: 'regionCode', label: '所在区划', kind: 'region', required: true },
    { name: 'lng', label: '经度', kind: 'number', min: 73, max: 136 }, { name: 'lat', label: '纬度', kind: 'number', min: 3, max: 54 },
  ],
  defaults: { available: true },
};

export const WAREHOUSES: RegisterDef<Warehouse> = {
  what: '储备库', path: PATHS.warehouses, emptyText: '没有可查看的储备库。',
  filters: [search('名称、保管人、电话'), { kind: 'segmented', name: 'level', options: [{ label: '全部', value: '' }, ...optionsOf(WAREHOUSE_LEVELS)] }],
  columns: [
    { title: '储备库', dataIndex: 'name' }, { title: '级别', dataIndex: 'level', render: (v: string) => labelOf(WAREHOUSE_LEVELS, v) }, place,
    { title: '保管人', key: 'keeper', render: (_: unknown, w) => phone(w.keeper, w.keeperPhone, 'resource_warehouse', w.id, 'keeperPhone') }, { title: '物资种类', dataIndex: 'lineCount' },
    { title: '低于最低储备', dataIndex: 'belowMinimum', render: (v: number) => (v ? <Tag color="error">{v} 种</Tag> : <Tag color="success">无</Tag>) },
  ],
  rowActions: (w) => <Link to={`/command/resources?tab=stock&warehouseId=${w.id}`}><Button type="link" size="small">库存</Button></Link>,
  fields: [
    { name: 'name', label: '储备库名称', kind: 'text', required: true }, { name: 'level', label: '级别', kind: 'select', options: optionsOf(WAREHOUSE_LEVELS), required: true },
    { name: 'ownerOrgId', label: '所属单位', kind: 'org' }, { name: 'areaM2', label: '面积（平方米）', kind: 'number', min: 0 },
    ...PLACE_FIELDS, { name: 'keeper', label: '保管人', kind: 'text' }, { name: 'keeperPhone', label: '保管人电话', kind: 'phone' },
  ],
  defaults: { level: 'town' },
};

export const SHELTERS: RegisterDef<Shelter> = {
  what: '避难场所', path: PATHS.shelters, emptyText: '没有可查看的避难场所。',
  importHint: '按模板填写后上传：每行一处避难场所，须填可容纳人数。',
  filters: [search('名称、管理人、地址'), { kind: 'select', name: 'kind', placeholder: '场所类型', options: optionsOf(SHELTER_KINDS) },
    { kind: 'segmented', name: 'full', options: [{ label: '全部', value: '' }, { label: '已满员', value: 'true' }, { label: '有空位', value: 'false' }] }],
  columns: [
    { title: '场所名称', dataIndex: 'name' }, { title: '类型', dataIndex: 'kind', render: (v: string) => labelOf(SHELTER_KINDS, v) }, place,
    { title: '安置情况', key: 'occupancy', width: 180, render: (_: unknown, s) => <Progress size="small" percent={s.capacity ? Math.round((s.occupancy / s.capacity) * 100) : 0}
      status={s.occupancy >= s.capacity ? 'exception' : 'normal'} format={() => `${s.occupancy}/${s.capacity}`} /> },
    { title: '设施', dataIndex: 'facilities', render: (v: string[]) => v.join('、') || '—' },
    { title: '管理人', key: 'manager', render: (_: unknown, s) => phone(s.manager, s.managerPhone, 'resource_shelter', s.id, 'managerPhone') },
  ],
  fields: [
    { name: 'name', label: '场所名称', kind: 'text', required: true }, { name: 'kind', label: '场所类型', kind: 'select', options: optionsOf(SHELTER_KINDS), required: true },
    { name: 'capacity', label: '可容纳人数', kind: 'number', min: 0, required: true }, { name: 'occupancy', label: '现安置人数', kind: 'number', min: 0 },
    ...PLACE_FIELDS, { name: 'areaM2', label: '面积（平方米）', kind: 'number', min: 0 }, { name: 'facilities', label: '设施', kind: 'tags' },
    { name: 'manager', label: '管理人', kind: 'text' }, { name: 'managerPhone', label: '管理人电话', kind: 'phone' },
  ],
  defaults: { kind: 'indoor', occupancy: 0 },
};

export const EQUIPMENT: RegisterDef<Equipment> = {
  what: '装备车辆', path: PATHS.equipment, emptyText: '没有可查看的装备车辆。',
  importHint: '按模板填写后上传：每行一种装备，所属队伍填系统中救援队伍的名称。',
  filters: [search('名称、型号、车牌、保管人'), { kind: 'select', name: 'kind', placeholder: '装备类别', options: optionsOf(EQUIPMENT_KINDS) },
    { kind: 'select', name: 'status', placeholder: '状态', options: optionsOf(EQUIPMENT_STATUSES) }],
  columns: [
    { title: '装备名称', dataIndex: 'name' }, { title: '类别', dataIndex: 'kind', render: (v: string) => labelOf(EQUIPMENT_KINDS, v) },
    { title: '型号', dataIndex: 'model' }, { title: '数量', dataIndex: 'quantity' },
    { title: '状态', dataIndex: 'status', render: (v: string) => <Tag color={STATUS_COLOURS[v]}>{labelOf(EQUIPMENT_STATUSES, v)}</Tag> },
    { title: '所属', key: 'owner', render: (_: unknown, e) => e.ownerTeamName ?? e.ownerOrgName ?? '—' }, place,
    { title: '更新时间', dataIndex: 'updatedAt', render: formatTime },
  ],
  fields: [
    { name: 'name', label: '装备名称', kind: 'text', required: true }, { name: 'kind', label: '装备类别', kind: 'select', options: optionsOf(EQUIPMENT_KINDS), required: true },
    { name: 'model', label: '型号', kind: 'text' }, { name: 'plateNo', label: '车牌号', kind: 'text' }, { name: 'quantity', label: '数量', kind: 'number', min: 0 },
    { name: 'status', label: '状态', kind: 'select', options: optionsOf(EQUIPMENT_STATUSES) }, { name: 'ownerTeamId', label: '所属队伍', kind: 'team' },
    { name: 'ownerOrgId', label: '所属单位', kind: 'org' }, ...PLACE_FIELDS, { name: 'keeper', label: '保管人', kind: 'text' }, { name: 'keeperPhone', label: '保管人电话', kind: 'phone' },
  ],
  defaults: { quantity: 1, status: 'ready' },
};
