// The hazard code tables of contracts/hazards.ts as the web shows them: labels, tag colours, select options.
import {
  CHECK_FREQUENCIES, HAZARD_LEVELS, HAZARD_SOURCES, HAZARD_STATUSES, RISK_LEVELS, SUPERVISE_LEVELS,
} from '../../../../contracts/hazards';
import { SECTORS, sectorLabel } from '../../../../contracts/enterprises';
import type { Hazard } from '../../../../contracts/hazards';

export { CHECK_FREQUENCIES, HAZARD_LEVELS, HAZARD_SOURCES, HAZARD_STATUSES, RISK_LEVELS, SUPERVISE_LEVELS, SECTORS, sectorLabel };

export type HazardStatus = Hazard['status'];
export type HazardLevel = Hazard['level'];
export type HazardSource = Hazard['source'];
export type RiskColour = keyof typeof RISK_LEVELS;

/** `{ label, value }` options of a code table, in its order. */
export const optionsOf = (table: Record<string, string>) => Object.entries(table).map(([value, label]) => ({ value, label }));

export const STATUS_COLOURS: Record<HazardStatus, string> = { pending: 'warning', rectifying: 'processing', review: 'purple', closed: 'success' };
export const LEVEL_COLOURS: Record<HazardLevel, string> = { general: 'default', major: 'error' };

/** The four colours of 风险分级, with their display colour (the enterprise registry's hex). */
export const RISK_COLOURS: Record<RiskColour, { name: string; hex: string; text: string }> = {
  red: { name: '红', hex: '#e53935', text: '#fff' },
  orange: { name: '橙', hex: '#fb8c00', text: '#fff' },
  yellow: { name: '黄', hex: '#fdd835', text: '#333' },
  blue: { name: '蓝', hex: '#1e88e5', text: '#fff' },
};
export const RISK_ORDER: RiskColour[] = ['red', 'orange', 'yellow', 'blue'];

export const SECTOR_OPTIONS = SECTORS.map((s) => ({ value: s.code as string, label: s.label as string }));

/** The workflow moves the action bar knows, in the order it shows them. */
export const MOVE_LABELS = {
  assign: '交办整改', submit: '提交复查', accept: '复查销号', reject: '复查不通过', supervise: '挂牌督办', extend: '申请延期',
} as const;
export type MoveKey = keyof typeof MOVE_LABELS;
/**
 * Whether a hazard waits on the caller (我的待办): a move that advances it (督办 and 延期 are optional).
 * A regulator may also submit an enterprise's rectification, but that is the enterprise's work; a
 * public place's hazard is rectified by the regulator's side, so there submitting counts.
 */
export function isMyTodo(h: Pick<Hazard, 'allowedMoves' | 'enterpriseId'>, enterpriseUser: boolean): boolean {
  return h.allowedMoves.some((m) => m === 'assign' || m === 'accept' || m === 'reject' || (m === 'submit' && (enterpriseUser || !h.enterpriseId)));
}
