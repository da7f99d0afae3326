// Names of the kinds of organisation (组织机构类型).
import type { OrgKindCode } from '../../../api/types';

export const ORG_KINDS: Record<OrgKindCode, string> = {
  bureau: '应急管理局',
  department: '行业部门',
  town_gov: '乡镇政府（街道）',
  town_station: '乡镇应急站',
  park: '园区管委会',
  committee: '议事协调机构',
  professional_committee: '专业委员会',
  rescue_team: '救援队伍',
  other: '其他',
};

export const ORG_KIND_OPTIONS = Object.entries(ORG_KINDS).map(([value, label]) => ({ value, label }));
