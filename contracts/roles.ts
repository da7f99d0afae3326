// Roles and permissions (`domain:action`): one catalogue shared by the server (access checks)
// and the web (menu). A role grants permissions; an account's data scope limits what they reach.

export const PERMISSIONS = {
  'dashboard:read': '综合态势查看',
  'enterprise:read': '企业档案查看',
  'enterprise:write': '企业档案维护',
  'hazard:read': '隐患查看',
  'hazard:write': '隐患上报与治理',
  'enforcement:read': '执法查看',
  'enforcement:write': '执法办案',
  'law:write': '法律法规标准库与裁量基准维护',
  'monitoring:read': '监测预警查看',
  'monitoring:write': '监测预警处置',
  'monitoring:handle': '监测报警确认与处置',
  'command:read': '应急指挥查看',
  'command:write': '应急指挥处置',
  'command:approve': '应急响应决策与审批',
  'command:feedback': '应急任务签收与反馈',
  'plan:read': '应急预案查看',
  'plan:write': '应急预案编制与备案',
  'disaster:read': '灾情与防汛查看',
  'disaster:write': '灾情报送与防汛',
  'responsibility:read': '责任体系与宣传查看',
  'responsibility:write': '责任体系与宣传维护',
  'report:read': '统计报告查看',
  'returns:read': '报表查看',
  'returns:file': '报表填报',
  'returns:approve': '报表审核（本单位负责人，与填报人不同）',
  'returns:manage': '报表制表、受理与退回',
  'summons:write': '约谈登记',
  'files:read': '附件查看',
  'files:write': '附件上传',
  'audit:read': '审计日志查看',
  'personal:phone': '查看完整电话号码（逐条查看，留痕）',
  'personal:id': '查看完整身份证号（逐条查看，留痕）',
  'system:admin': '系统管理',
} as const;
export type Permission = keyof typeof PERMISSIONS;

export interface RoleDef {
  code: string;
  name: string;
  description: string;
  permissions: Permission[];
}

const ALL_READ = (Object.keys(PERMISSIONS) as Permission[]).filter((p) => p.endsWith(':read'));

// Personal data (issue #11): lists and details show phone and identity numbers masked to everyone; 'personal:phone'
// and 'personal:id' let a role reveal one value at a time (each view audited) and receive them in full in exports.
// Phones: the duty desk and bureau staff (staff), leaders deciding a response (leader), the town stations on duty
// (town) and rescue teams in the field (rescuer) must be able to call people in an emergency. Identity numbers: only
// the relief case workers of the bureau (staff) and the towns (town). See docs/security.md.
export const ROLES: RoleDef[] = [
  { code: 'admin', name: '系统管理员', description: '维护区划、组织、账号，核验审计链',
    permissions: ['system:admin', 'audit:read', 'dashboard:read', 'files:read', 'files:write'] },
  { code: 'leader', name: '局领导', description: '查看全部业务数据与统计',
    permissions: [...ALL_READ, 'command:approve', 'personal:phone'] },
  { code: 'staff', name: '局机关工作人员', description: '办理各条业务线的日常工作',
    permissions: [...ALL_READ.filter((p) => p !== 'audit:read'), 'enterprise:write', 'hazard:write', 'law:write', 'monitoring:write', 'monitoring:handle',
      'command:write', 'command:feedback', 'plan:write', 'disaster:write', 'responsibility:write', 'files:write', 'returns:manage', 'summons:write', 'personal:phone', 'personal:id'] },
  { code: 'officer', name: '执法人员', description: '持执法证开展检查、办案',
    permissions: ['dashboard:read', 'enterprise:read', 'hazard:read', 'hazard:write', 'enforcement:read', 'enforcement:write',
      'monitoring:read', 'files:read', 'files:write'] },
  { code: 'town', name: '乡镇应急站', description: '属地企业、隐患、灾情、防汛',
    permissions: ['dashboard:read', 'enterprise:read', 'enterprise:write', 'hazard:read', 'hazard:write', 'monitoring:read', 'monitoring:handle',
      'command:read', 'command:feedback', 'plan:read', 'plan:write', 'disaster:read', 'disaster:write', 'responsibility:read', 'responsibility:write', 'report:read',
      'files:read', 'files:write', 'returns:read', 'returns:file', 'returns:approve', 'personal:phone', 'personal:id'] },
  { code: 'dept', name: '行业部门', description: '本行业企业的监管与隐患督办',
    permissions: ['dashboard:read', 'enterprise:read', 'hazard:read', 'hazard:write', 'plan:read', 'plan:write', 'responsibility:read',
      'responsibility:write', 'report:read', 'files:read', 'files:write', 'returns:read', 'returns:file', 'returns:approve'] },
  { code: 'enterprise', name: '企业用户', description: '本企业档案、隐患自查自报',
    permissions: ['enterprise:read', 'hazard:read', 'hazard:write', 'monitoring:read', 'monitoring:handle', 'plan:read', 'plan:write', 'files:read', 'files:write', 'returns:read', 'returns:file', 'returns:approve'] },
  { code: 'informant', name: '灾害信息员', description: '村（社区）灾情报送',
    permissions: ['disaster:read', 'disaster:write', 'files:read', 'files:write'] },
  { code: 'rescuer', name: '救援队员', description: '接收调度、反馈救援进展',
    permissions: ['command:read', 'command:feedback', 'plan:read', 'files:read', 'files:write', 'personal:phone'] },
];

export const ROLE_BY_CODE = new Map(ROLES.map((r) => [r.code, r]));

/** The union of the permissions of the given roles. */
export function permissionsOf(roleCodes: readonly string[]): Permission[] {
  const set = new Set<Permission>();
  for (const c of roleCodes) for (const p of ROLE_BY_CODE.get(c)?.permissions ?? []) set.add(p);
  return [...set].sort();
}
