// 一张图 (situation map): the catalogue of layers and each layer's compact features. A feature is a point (lng, lat)
// with a `kind` that picks its colour (risk colour, hazard level, alarm level, facility kind …), the region it lies in,
// a time where the layer has one (incidents, alarms, warnings) and a link to its record page. Large layers come capped,
// most serious first, with `truncated` set; the client clusters what it gets.
import { Type, type Static } from '@sinclair/typebox';

/** The layers, in the order the switcher lists them. */
export const SITUATION_LAYERS = {
  enterprises: '企业（风险四色）',
  hazardSources: '重大危险源',
  hazards: '未销号隐患',
  sensors: '监测点',
  alarms: '监测报警',
  resources: '救援力量与物资',
  shelters: '避难场所',
  flood: '防汛设施',
  torrents: '山洪危险区',
  incidents: '突发事件',
  warnings: '预警区域',
} as const;
export type SituationLayer = keyof typeof SITUATION_LAYERS;
export const SITUATION_LAYER_KEYS = Object.keys(SITUATION_LAYERS) as SituationLayer[];

/** Layers with a time: the slider (from/to) filters them; without it they show what is live now. */
export const TIMED_LAYERS: readonly SituationLayer[] = ['alarms', 'incidents', 'warnings'];

/** Most points a layer returns by default (and at most, with `limit`). */
export const LAYER_CAP = 5000;
export const LAYER_CAP_MAX = 20_000;

export const LayerKind = Type.Object({ code: Type.String(), label: Type.String(), colour: Type.String() });
export type LayerKind = Static<typeof LayerKind>;

export const LayerInfo = Type.Object({
  key: Type.String(),
  label: Type.String(),
  /** The domain permission the caller holds for it (the layer is left out of the catalogue without it). */
  permission: Type.String(),
  timed: Type.Boolean(),
  /** The kinds a feature may have, with their legend colour. */
  kinds: Type.Array(LayerKind),
});
export type LayerInfo = Static<typeof LayerInfo>;

export const LayerCatalogue = Type.Object({ layers: Type.Array(LayerInfo) });
export type LayerCatalogue = Static<typeof LayerCatalogue>;

export const LayerQuery = Type.Object({
  bbox: Type.Optional(Type.String({ maxLength: 200, description: '范围：最小经度,最小纬度,最大经度,最大纬度（如 112.8,28.6,113.3,29.0）' })),
  from: Type.Optional(Type.String({ maxLength: 40, description: '起始时间（含），YYYY-MM-DD 或 ISO 时间；仅对报警、事件、预警有效' })),
  to: Type.Optional(Type.String({ maxLength: 40, description: '截止时间（含），YYYY-MM-DD 或 ISO 时间' })),
  regionCode: Type.Optional(Type.String({ pattern: '^[0-9]{12}$', description: '只看该区域及其下级（在本人数据范围内）' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: LAYER_CAP_MAX, description: `最多返回的点数，默认 ${LAYER_CAP}` })),
});
export type LayerQuery = Static<typeof LayerQuery>;

export const LayerParams = Type.Object({ layer: Type.String({ maxLength: 40 }) });

export const Feature = Type.Object({
  id: Type.String(),
  lng: Type.Number(),
  lat: Type.Number(),
  name: Type.String(),
  kind: Type.String(),
  regionCode: Type.String(),
  /** When it happened (incidents: occurred; alarms: raised; warnings: effective). */
  at: Type.Optional(Type.String()),
  /** One line for the popup: “重大隐患 · 逾期”, “水位 12.3 m”, “可容纳 800 人”. */
  note: Type.Optional(Type.String()),
  /** The record's page in the web app. */
  link: Type.Optional(Type.String()),
});
export type Feature = Static<typeof Feature>;

export const FeatureCollection = Type.Object({
  type: Type.Literal('FeatureCollection'),
  layer: Type.String(),
  label: Type.String(),
  /** How many records match (all of them, also when truncated). */
  total: Type.Integer(),
  /** More matched than were returned (the most serious first). */
  truncated: Type.Boolean(),
  features: Type.Array(Feature),
});
export type FeatureCollection = Static<typeof FeatureCollection>;
