// 应急资源 (emergency resources): rescue teams (救援队伍) and members, experts (专家), warehouses (储备库) with the
// supplies catalogue, stock lines, batches and the stock ledger (出入库台账), shelters (避难场所), equipment and
// vehicles (装备车辆), the readiness overview (战备概览) and the nearest-resource search.
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { PageQuery, RegionCode, Timestamp, Uuid } from './common.js';
import { ImportResult } from './enterprises.js';
import { keysOf } from './hazards.js';
import { MASKED_PATTERN } from './personal.js';

export { ImportResult };

/** 队伍类别 */
export const TEAM_KINDS = {
  professional: '专业救援队', fire: '消防救援队', forest_fire: '森林消防队', flood: '防汛抢险队', hazchem: '危化品救援队', mine: '矿山救护队',
  town: '乡镇救援队', village: '村级志愿者队', social: '社会救援力量',
} as const;
/** 战备状态 */
export const TEAM_READINESS = { ready: '待命', dispatched: '执行任务', off_duty: '休整' } as const;
export const WAREHOUSE_LEVELS = { county: '市级', town: '镇级', enterprise: '企业' } as const;
/** 物资类别 */
export const ITEM_CATEGORIES = {
  flood: '防汛物资', fire: '消防物资', hazchem: '危化品处置', rescue: '抢险救援', living: '生活保障', medical: '医疗救护', power: '电力照明', other: '其他',
} as const;
/** 出入库类型 */
export const MOVEMENT_KINDS = { inbound: '入库', outbound: '出库', transfer_out: '调出', transfer_in: '调入', adjust: '盘点调整' } as const;
export const SHELTER_KINDS = { indoor: '室内', outdoor: '室外', both: '室内外结合' } as const;
export const EQUIPMENT_KINDS = {
  vehicle: '车辆', heavy: '大型机械', pump: '排涝泵', generator: '发电机', boat: '舟艇', drone: '无人机', lighting: '照明设备', detector: '侦检设备', other: '其他',
} as const;
export const EQUIPMENT_STATUSES = { ready: '完好', in_use: '使用中', repair: '维修', retired: '报废' } as const;
export const RESOURCE_KINDS = { team: '救援队伍', expert: '专家', warehouse: '储备库', shelter: '避难场所', equipment: '装备车辆' } as const;

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Str = (max: number, min = 0) => Type.String({ minLength: min, maxLength: max });
const Name = Str(100, 1);
const Phone = Type.String({ maxLength: 20, pattern: `^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8}(-[0-9]{1,6})?|${MASKED_PATTERN})?$`, description: '手机号或固话（如 0730-5212345；原样提交脱敏值表示不修改）' });
const Lng = Type.Number({ minimum: 73, maximum: 136, description: '经度' });
const Lat = Type.Number({ minimum: 3, maximum: 54, description: '纬度' });
const Qty = Type.Number({ exclusiveMinimum: 0, maximum: 1e10, description: '数量（大于 0）' });
const Day = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const Tags = Type.Array(Str(30, 1), { maxItems: 30 });
const Search = Type.Optional(Type.String({ maxLength: 50, description: '名称、联系人或电话' }));
const Place = { regionCode: RegionCode, regionName: Nullable(Type.String()), address: Nullable(Type.String()), lng: Nullable(Type.Number()), lat: Nullable(Type.Number()) };
const PlaceIn = { regionCode: RegionCode, address: Type.Optional(Nullable(Str(200))), lng: Type.Optional(Nullable(Lng)), lat: Type.Optional(Nullable(Lat)) };

export const TeamKind = keysOf(TEAM_KINDS);
export const TeamReadiness = keysOf(TEAM_READINESS);
export const WarehouseLevel = keysOf(WAREHOUSE_LEVELS);
export const ItemCategory = keysOf(ITEM_CATEGORIES);
export const MovementKind = keysOf(MOVEMENT_KINDS);
export const ShelterKind = keysOf(SHELTER_KINDS);
export const EquipmentKind = keysOf(EQUIPMENT_KINDS);
export const EquipmentStatus = keysOf(EQUIPMENT_STATUSES);
export const ResourceKind = keysOf(RESOURCE_KINDS);

export const Certificate = Type.Object({ name: Str(50, 1), no: Type.Optional(Str(50)), expiresOn: Type.Optional(Nullable(Day)) });
export const Member = Type.Object({ id: Uuid, teamId: Uuid, name: Type.String(), role: Nullable(Type.String()), phone: Nullable(Type.String()), certificates: Type.Array(Certificate) });
export const MemberInput = Type.Object({ name: Str(30, 1), role: Type.Optional(Nullable(Str(30))), phone: Type.Optional(Nullable(Phone)), certificates: Type.Optional(Type.Array(Certificate, { maxItems: 20 })) },
  { additionalProperties: false });

export const Team = Type.Object({
  id: Uuid, name: Type.String(), kind: TeamKind, ownerOrgId: Nullable(Uuid), ownerOrgName: Nullable(Type.String()), ...Place,
  leader: Nullable(Type.String()), leaderPhone: Nullable(Type.String()), plannedStrength: Type.Integer(), memberCount: Type.Integer(),
  specialities: Type.Array(Type.String()), equipmentNote: Nullable(Type.String()), equipmentCount: Type.Integer(), readiness: TeamReadiness, note: Nullable(Type.String()), updatedAt: Timestamp,
});
export const TeamDetail = Type.Composite([Team, Type.Object({ members: Type.Array(Member) })]);
export const TeamCreate = Type.Object({
  name: Name, kind: TeamKind, ownerOrgId: Type.Optional(Nullable(Uuid)), ...PlaceIn, leader: Type.Optional(Nullable(Str(30))), leaderPhone: Type.Optional(Nullable(Phone)),
  plannedStrength: Type.Optional(Type.Integer({ minimum: 0, maximum: 10000 })), specialities: Type.Optional(Tags), equipmentNote: Type.Optional(Nullable(Str(500))),
  readiness: Type.Optional(TeamReadiness), note: Type.Optional(Nullable(Str(500))),
}, { additionalProperties: false });
export const TeamUpdate = Type.Partial(TeamCreate, { additionalProperties: false });
export const TeamQuery = Type.Composite([PageQuery, Type.Object({ kind: Type.Optional(TeamKind), readiness: Type.Optional(TeamReadiness), regionCode: Type.Optional(RegionCode), q: Search })]);

export const Expert = Type.Object({
  id: Uuid, name: Type.String(), fields: Type.Array(Type.String()), title: Nullable(Type.String()), unit: Nullable(Type.String()), phone: Nullable(Type.String()),
  regionCode: RegionCode, regionName: Nullable(Type.String()), lng: Nullable(Type.Number()), lat: Nullable(Type.Number()), available: Type.Boolean(), note: Nullable(Type.String()), updatedAt: Timestamp,
});
export const ExpertCreate = Type.Object({
  name: Str(30, 1), fields: Type.Array(Str(30, 1), { minItems: 1, maxItems: 10 }), title: Type.Optional(Nullable(Str(30))), unit: Type.Optional(Nullable(Str(100))),
  phone: Type.Optional(Nullable(Phone)), regionCode: RegionCode, lng: Type.Optional(Nullable(Lng)), lat: Type.Optional(Nullable(Lat)), available: Type.Optional(Type.Boolean()),
  note: Type.Optional(Nullable(Str(500))),
}, { additionalProperties: false });
export const ExpertUpdate = Type.Partial(ExpertCreate, { additionalProperties: false });
export const ExpertQuery = Type.Composite([PageQuery, Type.Object({ field: Type.Optional(Str(30)), regionCode: Type.Optional(RegionCode), q: Search })]);

export const Warehouse = Type.Object({
  id: Uuid, name: Type.String(), level: WarehouseLevel, ownerOrgId: Nullable(Uuid), ownerOrgName: Nullable(Type.String()), ...Place,
  keeper: Nullable(Type.String()), keeperPhone: Nullable(Type.String()), areaM2: Nullable(Type.Number()), note: Nullable(Type.String()),
  lineCount: Type.Integer(), belowMinimum: Type.Integer(), updatedAt: Timestamp,
});
export const WarehouseCreate = Type.Object({
  name: Name, level: WarehouseLevel, ownerOrgId: Type.Optional(Nullable(Uuid)), ...PlaceIn, keeper: Type.Optional(Nullable(Str(30))), keeperPhone: Type.Optional(Nullable(Phone)),
  areaM2: Type.Optional(Nullable(Type.Number({ minimum: 0, maximum: 1e7 }))), note: Type.Optional(Nullable(Str(500))),
}, { additionalProperties: false });
export const WarehouseUpdate = Type.Partial(WarehouseCreate, { additionalProperties: false });
export const WarehouseQuery = Type.Composite([PageQuery, Type.Object({ level: Type.Optional(WarehouseLevel), regionCode: Type.Optional(RegionCode), q: Search })]);

export const Item = Type.Object({ id: Uuid, name: Type.String(), spec: Type.String(), unit: Type.String(), category: ItemCategory });
export const ItemCreate = Type.Object({ name: Str(50, 1), spec: Type.Optional(Str(50)), unit: Str(10, 1), category: ItemCategory }, { additionalProperties: false });
export const ItemQuery = Type.Composite([PageQuery, Type.Object({ category: Type.Optional(ItemCategory), q: Type.Optional(Str(50)) })]);

export const Batch = Type.Object({ id: Uuid, batchNo: Nullable(Type.String()), quantity: Type.Number(), expiresOn: Nullable(Type.String()), receivedOn: Type.String() });
export const StockLine = Type.Object({
  id: Uuid, warehouseId: Uuid, warehouseName: Type.String(), regionCode: RegionCode, itemId: Uuid, itemName: Type.String(), spec: Type.String(), unit: Type.String(),
  category: ItemCategory, quantity: Type.Number(), minLevel: Type.Number(), belowMinimum: Type.Boolean(), nextExpiry: Nullable(Type.String()), updatedAt: Timestamp,
});
export const StockLineDetail = Type.Composite([StockLine, Type.Object({ batches: Type.Array(Batch) })]);
export const StockQuery = Type.Composite([PageQuery, Type.Object({
  warehouseId: Type.Optional(Uuid), itemId: Type.Optional(Uuid), category: Type.Optional(ItemCategory), regionCode: Type.Optional(RegionCode),
  belowMinimum: Type.Optional(Type.Boolean()), q: Type.Optional(Str(50)),
})]);
export const StockLineUpdate = Type.Object({ minLevel: Type.Number({ minimum: 0, maximum: 1e10 }) }, { additionalProperties: false });

const Why = Str(200, 1);
export const InboundInput = Type.Object({
  warehouseId: Uuid, itemId: Uuid, quantity: Qty, reason: Why, batchNo: Type.Optional(Nullable(Str(50))), expiresOn: Type.Optional(Nullable(Day)),
  receivedOn: Type.Optional(Day), refType: Type.Optional(Str(30)), refId: Type.Optional(Str(100)),
}, { additionalProperties: false });
export const OutboundInput = Type.Object({ warehouseId: Uuid, itemId: Uuid, quantity: Qty, reason: Why, refType: Type.Optional(Str(30)), refId: Type.Optional(Str(100)) },
  { additionalProperties: false });
export const TransferInput = Type.Object({ fromWarehouseId: Uuid, toWarehouseId: Uuid, itemId: Uuid, quantity: Qty, reason: Why }, { additionalProperties: false });
export const AdjustInput = Type.Object({
  warehouseId: Uuid, itemId: Uuid, counted: Type.Number({ minimum: 0, maximum: 1e10, description: '盘点实有数量' }), reason: Why,
  expiresOn: Type.Optional(Nullable(Day)),
}, { additionalProperties: false });

export const LedgerEntry = Type.Object({
  id: Uuid, seq: Type.Integer(), stockId: Uuid, warehouseId: Uuid, warehouseName: Type.String(), itemId: Uuid, itemName: Type.String(), unit: Type.String(),
  kind: MovementKind, quantity: Type.Number(), balanceAfter: Type.Number(), reason: Type.String(), refType: Nullable(Type.String()), refId: Nullable(Type.String()),
  transferId: Nullable(Uuid), actorName: Type.String(), at: Timestamp,
});
export const LedgerQuery = Type.Composite([PageQuery, Type.Object({
  warehouseId: Type.Optional(Uuid), itemId: Type.Optional(Uuid), kind: Type.Optional(MovementKind), from: Type.Optional(Day), to: Type.Optional(Day), q: Type.Optional(Str(50)),
})]);
export const Movement = Type.Object({ entries: Type.Array(LedgerEntry) });

export const Shelter = Type.Object({
  id: Uuid, name: Type.String(), kind: ShelterKind, ...Place, capacity: Type.Integer(), occupancy: Type.Integer(), areaM2: Nullable(Type.Number()),
  facilities: Type.Array(Type.String()), manager: Nullable(Type.String()), managerPhone: Nullable(Type.String()), note: Nullable(Type.String()), updatedAt: Timestamp,
});
export const ShelterCreate = Type.Object({
  name: Name, kind: ShelterKind, ...PlaceIn, capacity: Type.Integer({ minimum: 0, maximum: 1_000_000 }), occupancy: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
  areaM2: Type.Optional(Nullable(Type.Number({ minimum: 0, maximum: 1e8 }))), facilities: Type.Optional(Tags), manager: Type.Optional(Nullable(Str(30))),
  managerPhone: Type.Optional(Nullable(Phone)), note: Type.Optional(Nullable(Str(500))),
}, { additionalProperties: false });
export const ShelterUpdate = Type.Partial(ShelterCreate, { additionalProperties: false });
export const ShelterQuery = Type.Composite([PageQuery, Type.Object({ kind: Type.Optional(ShelterKind), regionCode: Type.Optional(RegionCode), full: Type.Optional(Type.Boolean()), q: Search })]);

export const Equipment = Type.Object({
  id: Uuid, name: Type.String(), kind: EquipmentKind, model: Nullable(Type.String()), plateNo: Nullable(Type.String()), quantity: Type.Integer(), status: EquipmentStatus,
  ownerTeamId: Nullable(Uuid), ownerTeamName: Nullable(Type.String()), ownerOrgId: Nullable(Uuid), ownerOrgName: Nullable(Type.String()), ...Place,
  keeper: Nullable(Type.String()), keeperPhone: Nullable(Type.String()), note: Nullable(Type.String()), updatedAt: Timestamp,
});
export const EquipmentCreate = Type.Object({
  name: Name, kind: EquipmentKind, model: Type.Optional(Nullable(Str(50))), plateNo: Type.Optional(Nullable(Str(20))), quantity: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
  status: Type.Optional(EquipmentStatus), ownerTeamId: Type.Optional(Nullable(Uuid)), ownerOrgId: Type.Optional(Nullable(Uuid)), ...PlaceIn,
  keeper: Type.Optional(Nullable(Str(30))), keeperPhone: Type.Optional(Nullable(Phone)), note: Type.Optional(Nullable(Str(500))),
}, { additionalProperties: false });
export const EquipmentUpdate = Type.Partial(EquipmentCreate, { additionalProperties: false });
export const EquipmentQuery = Type.Composite([PageQuery, Type.Object({
  kind: Type.Optional(EquipmentKind), status: Type.Optional(EquipmentStatus), ownerTeamId: Type.Optional(Uuid), regionCode: Type.Optional(RegionCode), q: Search,
})]);

/** One resource near a point (the ports.ts NearbyResource). */
export const NearbyResource = Type.Object({
  kind: ResourceKind, id: Uuid, name: Type.String(), distanceM: Type.Number(), lng: Type.Number(), lat: Type.Number(), regionCode: Nullable(Type.String()),
  contact: Nullable(Type.String()), phone: Nullable(Type.String()), summary: Type.String(), detail: Type.Record(Type.String(), Type.Unknown()), available: Type.Boolean(),
});
export const NearbyQuery = Type.Object({
  lng: Lng, lat: Lat, kinds: Type.Optional(Type.String({ pattern: '^(team|expert|warehouse|shelter|equipment)(,(team|expert|warehouse|shelter|equipment))*$', description: '逗号分隔：team,expert,warehouse,shelter,equipment' })),
  radius: Type.Optional(Type.Number({ minimum: 100, maximum: 300_000, description: '半径（米），默认 50000' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: '每类最多条数，默认 10' })),
  teamKind: Type.Optional(TeamKind), expertField: Type.Optional(Str(30)), item: Type.Optional(Str(50)),
});
export const MapQuery = Type.Object({ kinds: NearbyQuery.properties.kinds, regionCode: Type.Optional(RegionCode) });
export const MapPoint = Type.Object({
  kind: ResourceKind, id: Uuid, name: Type.String(), lng: Type.Number(), lat: Type.Number(), contact: Nullable(Type.String()), phone: Nullable(Type.String()),
  summary: Type.String(), available: Type.Boolean(),
});

/** 战备概览 */
export const Readiness = Type.Object({
  asOf: Type.String(), expiryDays: Type.Integer(), certificateDays: Type.Integer(), ruleVersion: Type.String(),
  counts: Type.Object({ teams: Type.Integer(), teamsReady: Type.Integer(), members: Type.Integer(), experts: Type.Integer(), warehouses: Type.Integer(), stockLines: Type.Integer(),
    shelters: Type.Integer(), shelterCapacity: Type.Integer(), equipment: Type.Integer(), equipmentReady: Type.Integer() }),
  belowMinimum: Type.Array(Type.Object({ stockId: Uuid, warehouseId: Uuid, warehouseName: Type.String(), itemName: Type.String(), unit: Type.String(), quantity: Type.Number(), minLevel: Type.Number() })),
  expiringBatches: Type.Array(Type.Object({ batchId: Uuid, stockId: Uuid, warehouseId: Uuid, warehouseName: Type.String(), itemName: Type.String(), unit: Type.String(), quantity: Type.Number(), expiresOn: Type.String(), expired: Type.Boolean() })),
  expiringCertificates: Type.Array(Type.Object({ teamId: Uuid, teamName: Type.String(), memberId: Uuid, memberName: Type.String(), certificate: Type.String(), expiresOn: Type.String(), expired: Type.Boolean() })),
  underStrength: Type.Array(Type.Object({ teamId: Uuid, teamName: Type.String(), kind: TeamKind, memberCount: Type.Integer(), plannedStrength: Type.Integer() })),
  fullShelters: Type.Array(Type.Object({ shelterId: Uuid, name: Type.String(), regionName: Nullable(Type.String()), capacity: Type.Integer(), occupancy: Type.Integer() })),
  truncated: Type.Boolean(),
});

export type Team = Static<typeof Team>;
export type TeamDetail = Static<typeof TeamDetail>;
export type Member = Static<typeof Member>;
export type Expert = Static<typeof Expert>;
export type Warehouse = Static<typeof Warehouse>;
export type Item = Static<typeof Item>;
export type StockLine = Static<typeof StockLine>;
export type StockLineDetail = Static<typeof StockLineDetail>;
export type LedgerEntry = Static<typeof LedgerEntry>;
export type Shelter = Static<typeof Shelter>;
export type Equipment = Static<typeof Equipment>;
export type NearbyResource = Static<typeof NearbyResource>;
export type MapPoint = Static<typeof MapPoint>;
export type Readiness = Static<typeof Readiness>;
