// The emergency-resources API as the pages use it: paths (also the query keys), code tables, types.
import {
  EQUIPMENT_KINDS, EQUIPMENT_STATUSES, ITEM_CATEGORIES, MOVEMENT_KINDS, RESOURCE_KINDS, SHELTER_KINDS, TEAM_KINDS, TEAM_READINESS, WAREHOUSE_LEVELS,
} from '../../../../../contracts/command-resources';

export type {
  Equipment, Expert, ImportResult, Item, LedgerEntry, MapPoint, Member, NearbyResource, Readiness, Shelter, StockLine, StockLineDetail, Team, TeamDetail, Warehouse,
} from '../../../../../contracts/command-resources';
export { EQUIPMENT_KINDS, EQUIPMENT_STATUSES, ITEM_CATEGORIES, MOVEMENT_KINDS, RESOURCE_KINDS, SHELTER_KINDS, TEAM_KINDS, TEAM_READINESS, WAREHOUSE_LEVELS };

export const BASE = '/api/command/resources';
export const PATHS = {
  teams: `${BASE}/teams`, experts: `${BASE}/experts`, warehouses: `${BASE}/warehouses`, shelters: `${BASE}/shelters`, equipment: `${BASE}/equipment`,
  items: `${BASE}/items`, stock: `${BASE}/stock`, ledger: `${BASE}/ledger`, map: `${BASE}/map`, nearby: `${BASE}/nearby`, readiness: `${BASE}/readiness`,
} as const;

/** A code table as Select options. */
export const optionsOf = (table: Record<string, string>) => Object.entries(table).map(([value, label]) => ({ value, label }));

/** The label of a code, or the code itself. */
export const labelOf = (table: Record<string, string>, code: string | null | undefined) => (code ? table[code] ?? code : '—');

/** Colours of the resource kinds on the map and in tags. */
export const KIND_COLOURS: Record<keyof typeof RESOURCE_KINDS, string> = {
  team: '#d4380d', expert: '#722ed1', warehouse: '#1677ff', shelter: '#389e0d', equipment: '#d48806',
};
