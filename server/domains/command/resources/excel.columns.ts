// The resource registers as Excel sheets: one column list per register serves the import template and the export
// (the export adds a few read-only columns), so an exported file can be edited and imported again.
import {
  EQUIPMENT_KINDS, EQUIPMENT_STATUSES, ITEM_CATEGORIES, SHELTER_KINDS, TEAM_KINDS, TEAM_READINESS, WAREHOUSE_LEVELS, MOVEMENT_KINDS,
} from '../../../../contracts/command-resources.js';
import { date, decimal, int, list, oneOf, text, yesNo, type XlsxColumn } from '../../../platform/excel/columns.js';

/** A code table ({ code: label }) as the Excel column type wants it. */
const table = <T extends Record<string, string>>(o: T) => Object.entries(o).map(([code, label]) => ({ code: code as Extract<keyof T, string>, label }));

const phone = (header: string, key: string): XlsxColumn => ({ key, header, type: text({ max: 20, pattern: /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/, hint: '手机号或固话（如 0730-5212345）' }), width: 15 });
const region: XlsxColumn = { key: 'region', header: '区划', type: text({ max: 30 }), width: 16, required: true, note: '12 位区划代码，或系统中的镇、村（社区）、园区名称（名称不唯一时须填代码）' };
const place: XlsxColumn[] = [region, { key: 'address', header: '地址', type: text({ max: 200 }), width: 28 },
  { key: 'lng', header: '经度', type: decimal({ min: 73, max: 136 }) }, { key: 'lat', header: '纬度', type: decimal({ min: 3, max: 54 }) }];
const org: XlsxColumn = { key: 'ownerOrg', header: '所属单位', type: text({ max: 60 }), width: 22, note: '系统中单位的全称或简称' };
const regionName: XlsxColumn = { key: 'regionName', header: '所在区划名称', type: text(), width: 14 };

export const TEAM_COLUMNS: XlsxColumn[] = [
  { key: 'name', header: '队伍名称', type: text({ max: 100 }), width: 28, required: true }, { key: 'kind', header: '队伍类别', type: oneOf(table(TEAM_KINDS)), required: true, width: 14 },
  org, ...place, { key: 'leader', header: '负责人', type: text({ max: 30 }) }, phone('负责人电话', 'leaderPhone'),
  { key: 'plannedStrength', header: '编制人数', type: int({ min: 0, max: 10000 }) }, { key: 'specialities', header: '专业特长', type: list(text({ max: 30 })), width: 22 },
  { key: 'equipmentNote', header: '装备情况', type: text({ max: 500 }), width: 28 }, { key: 'readiness', header: '战备状态', type: oneOf(table(TEAM_READINESS)) },
];
export const EXPERT_COLUMNS: XlsxColumn[] = [
  { key: 'name', header: '姓名', type: text({ max: 30 }), required: true }, { key: 'fields', header: '专业领域', type: list(text({ max: 30 })), required: true, width: 22, note: '多个用“、”分隔，如 危险化学品、消防' },
  { key: 'title', header: '职称', type: text({ max: 30 }) }, { key: 'unit', header: '工作单位', type: text({ max: 100 }), width: 24 }, phone('电话', 'phone'),
  region, { key: 'lng', header: '经度', type: decimal({ min: 73, max: 136 }) }, { key: 'lat', header: '纬度', type: decimal({ min: 3, max: 54 }) },
  { key: 'available', header: '可调用', type: yesNo() },
];
export const SHELTER_COLUMNS: XlsxColumn[] = [
  { key: 'name', header: '场所名称', type: text({ max: 100 }), width: 26, required: true }, { key: 'kind', header: '场所类型', type: oneOf(table(SHELTER_KINDS)), required: true },
  ...place, { key: 'capacity', header: '可容纳人数', type: int({ min: 0, max: 1_000_000 }), required: true }, { key: 'occupancy', header: '现安置人数', type: int({ min: 0, max: 1_000_000 }) },
  { key: 'areaM2', header: '面积（平方米）', type: decimal({ min: 0, max: 1e8 }) }, { key: 'facilities', header: '设施', type: list(text({ max: 30 })), width: 24 },
  { key: 'manager', header: '管理人', type: text({ max: 30 }) }, phone('管理人电话', 'managerPhone'),
];
export const EQUIPMENT_COLUMNS: XlsxColumn[] = [
  { key: 'name', header: '装备名称', type: text({ max: 100 }), width: 24, required: true }, { key: 'kind', header: '装备类别', type: oneOf(table(EQUIPMENT_KINDS)), required: true },
  { key: 'model', header: '型号', type: text({ max: 50 }) }, { key: 'plateNo', header: '车牌号', type: text({ max: 20 }) }, { key: 'quantity', header: '数量', type: int({ min: 0, max: 100000 }) },
  { key: 'status', header: '状态', type: oneOf(table(EQUIPMENT_STATUSES)) }, { key: 'ownerTeam', header: '所属队伍', type: text({ max: 100 }), width: 24, note: '系统中救援队伍的名称' },
  org, ...place, { key: 'keeper', header: '保管人', type: text({ max: 30 }) }, phone('保管人电话', 'keeperPhone'),
];
export const STOCK_COLUMNS: XlsxColumn[] = [
  { key: 'warehouse', header: '储备库', type: text({ max: 100 }), width: 26, required: true, note: '系统中储备库的名称' },
  { key: 'itemName', header: '物资名称', type: text({ max: 50 }), width: 16, required: true }, { key: 'spec', header: '规格', type: text({ max: 50 }) },
  { key: 'unit', header: '单位', type: text({ max: 10 }), required: true }, { key: 'category', header: '物资类别', type: oneOf(table(ITEM_CATEGORIES)), required: true },
  { key: 'quantity', header: '数量', type: decimal({ min: 0.01, max: 1e10 }), required: true }, { key: 'minLevel', header: '最低储备', type: decimal({ min: 0, max: 1e10 }) },
  { key: 'batchNo', header: '批号', type: text({ max: 50 }) }, { key: 'expiresOn', header: '有效期至', type: date() },
];

export const EXPORTS = {
  teams: [...TEAM_COLUMNS.map((c) => (c.key === 'ownerOrg' ? { ...c, key: 'ownerOrgName' } : c)), regionName, { key: 'memberCount', header: '队员人数', type: int() }],
  experts: [...EXPERT_COLUMNS, regionName],
  shelters: [...SHELTER_COLUMNS, regionName],
  equipment: [...EQUIPMENT_COLUMNS.map((c) => (c.key === 'ownerTeam' ? { ...c, key: 'ownerTeamName' } : c.key === 'ownerOrg' ? { ...c, key: 'ownerOrgName' } : c)), regionName],
  warehouses: [{ key: 'name', header: '储备库', type: text() }, { key: 'level', header: '级别', type: oneOf(table(WAREHOUSE_LEVELS)) }, { key: 'ownerOrgName', header: '所属单位', type: text() },
    regionName, { key: 'address', header: '地址', type: text() }, { key: 'keeper', header: '保管人', type: text() }, { key: 'keeperPhone', header: '保管人电话', type: text() },
    { key: 'lineCount', header: '物资种类', type: int() }, { key: 'belowMinimum', header: '低于最低储备', type: int() }],
  stock: [{ key: 'warehouseName', header: '储备库', type: text(), width: 26 }, { key: 'itemName', header: '物资名称', type: text() }, { key: 'spec', header: '规格', type: text() },
    { key: 'unit', header: '单位', type: text() }, { key: 'category', header: '物资类别', type: oneOf(table(ITEM_CATEGORIES)) }, { key: 'quantity', header: '库存数量', type: decimal() },
    { key: 'minLevel', header: '最低储备', type: decimal() }, { key: 'nextExpiry', header: '最近有效期', type: text() }],
  ledger: [{ key: 'seq', header: '流水号', type: int() }, { key: 'at', header: '时间', type: text(), width: 20 }, { key: 'warehouseName', header: '储备库', type: text(), width: 26 },
    { key: 'itemName', header: '物资', type: text() }, { key: 'kind', header: '类型', type: oneOf(table(MOVEMENT_KINDS)) }, { key: 'quantity', header: '数量', type: decimal() },
    { key: 'unit', header: '单位', type: text() }, { key: 'balanceAfter', header: '结存', type: decimal() }, { key: 'reason', header: '事由', type: text(), width: 36 },
    { key: 'actorName', header: '经办人', type: text() }],
} satisfies Record<string, XlsxColumn[]>;

export const TEMPLATE_NOTES = [
  '每行新增一条记录；同一区划中已有同名记录的行会报错，不会重复登记。',
  '文件中任何一行有错误时默认整份不导入，并列出每一行的行号和原因；也可选择“只导入无误的行”。',
  '只能导入您数据范围内的区划和单位。',
];
export const STOCK_NOTES = [
  '每行是一笔期初入库：物资目录中没有的物资（按名称+规格）会自动加入目录；同一储备库同一物资的多行会分别入库为不同批次。',
  '“最低储备”填写后将设置该库该物资的最低储备量；“有效期至”用于临期提醒。',
  '文件中任何一行有错误时默认整份不导入，并列出每一行的行号和原因。',
];
