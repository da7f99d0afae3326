// The enterprise code tables (contracts/enterprises.ts) as the options of selects and cascaders.
import {
  ENTERPRISE_FLAGS, ENTERPRISE_SCALES, ENTERPRISE_STATUSES, HAZARD_UNIT_KINDS, labelOf, LICENCE_KINDS, RISK_LEVELS, SECTORS,
  STANDARD_GRADES, SUBTYPES,
} from '../../../../contracts/enterprises';

export { labelOf, sectorLabel } from '../../../../contracts/enterprises';

interface Option { value: string; label: string }
const options = (list: readonly { code: string; label: string }[]): Option[] => list.map((c) => ({ value: c.code, label: c.label }));

export const STATUS_OPTIONS = options(ENTERPRISE_STATUSES);
export const SCALE_OPTIONS = options(ENTERPRISE_SCALES);
export const GRADE_OPTIONS = options(STANDARD_GRADES);
export const FLAG_OPTIONS = options(ENTERPRISE_FLAGS);
export const flagLabel = (code: string) => labelOf(ENTERPRISE_FLAGS, code);
export const LICENCE_KIND_OPTIONS = options(LICENCE_KINDS);
export const UNIT_KIND_OPTIONS = options(HAZARD_UNIT_KINDS);
export const SUBTYPE_OPTIONS: Option[] = SUBTYPES.map((s) => ({ value: s, label: s }));
export const SECTOR_OPTIONS = options(SECTORS);

/** 危险化学品 → 生产/经营/使用/储存 …: a cascader where the detail may be left out. */
export const SECTOR_CASCADE: (Option & { children?: Option[] })[] = SECTORS.map((s) => ({
  value: s.code, label: s.label, children: s.details.length ? options(s.details) : undefined,
}));

/** The details of one sector (empty when it has none). */
export function detailOptions(sector: string | undefined): Option[] {
  return options(SECTORS.find((s) => s.code === sector)?.details ?? []);
}

/** 红橙黄蓝 with their labels: `红 · 重大风险`. */
export const RISK_OPTIONS: Option[] = RISK_LEVELS.map((r) => ({ value: r.code, label: `${r.colour} · ${r.label}` }));
/** The risk filter also finds enterprises not yet graded. */
export const RISK_FILTER_OPTIONS: Option[] = [...RISK_OPTIONS, { value: 'none', label: '未评定' }];

/** The colour a map point or a tag shows for a risk level; grey when not graded. */
export const NO_RISK_HEX = '#8c8c8c';
export function riskHex(level: string | null | undefined): string {
  return RISK_LEVELS.find((r) => r.code === level)?.hex ?? NO_RISK_HEX;
}

export { ENTERPRISE_SCALES, ENTERPRISE_STATUSES, HAZARD_UNIT_KINDS, LICENCE_KINDS, RISK_LEVELS, STANDARD_GRADES };
