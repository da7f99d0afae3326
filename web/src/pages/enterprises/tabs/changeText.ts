// The enterprise's audit entries in words: what was done, and which fields changed from what to what.
import { ENTERPRISE_SCALES, ENTERPRISE_STATUSES, flagLabel, HAZARD_UNIT_KINDS, labelOf, LICENCE_KINDS, RISK_LEVELS, sectorLabel, STANDARD_GRADES } from '../codes';

export const ACTIONS: Record<string, string> = {
  'enterprise.create': '建立档案',
  'enterprise.update': '修改档案',
  'enterprise.import': '导入更新档案',
  'enterprise.contacts': '修改联系人',
  'enterprise.status': '变更经营状态',
  'enterprise.licence.create': '登记证照',
  'enterprise.licence.update': '修改证照',
  'enterprise.licence.delete': '删除证照',
  'enterprise.hazard_source.create': '登记危险源单元',
  'enterprise.hazard_source.update': '修改危险源单元',
  'enterprise.hazard_source.delete': '删除危险源单元',
};

const LABELS: Record<string, string> = {
  name: '名称', formerNames: '曾用名', creditCode: '统一社会信用代码', regionCode: '所属区域代码', address: '地址', lng: '经度', lat: '纬度',
  employees: '从业人员', scale: '企业规模', establishedOn: '成立日期', regulatorId: '行业主管部门', regulatorName: '行业主管部门',
  isKey: '重点企业', standardGrade: '标准化等级', industryCode: '国民经济行业代码', sector: '监管行业', sectorDetail: '行业细分',
  subtype: '细分类型', flags: '专项风险', riskLevel: '风险等级', riskLevelSource: '风险等级依据', riskLevelAt: '风险评定时间',
  status: '经营状态', statusChangedAt: '状态变更时间', reason: '原因', documentNo: '文书文号', effectiveOn: '生效日期',
  legalRepresentative: '法定代表人', legalRepresentativePhone: '法定代表人电话', principalName: '主要负责人', principalPhone: '主要负责人电话',
  safetyManagerName: '安全管理负责人', safetyManagerPhone: '安全管理负责人电话',
  kind: '证照类型', number: '证照编号', issuer: '发证机关', issuedOn: '发证日期', expiresOn: '有效期至', note: '备注', fileId: '附件',
  unitKind: '单元类型', peopleExposed: '500 米内常住人口', recordNo: '备案编号', chemicals: '危险化学品', s: 'S 值', r: 'R 值', grade: '级别',
};
// Ids and bookkeeping that mean nothing to a reader (the name next to an id says it).
const SKIP = new Set(['id', 'licenceId', 'sourceId', 'changeId', 'regulatorId', 'regionCode', 'ruleVersion', 'riskLevelAt', 'statusChangedAt']);

type Chem = { name: string; quantity: number };

function show(key: string, v: unknown): string {
  if (v === null || v === undefined || v === '' || (Array.isArray(v) && !v.length)) return '（空）';
  if (typeof v === 'boolean') return v ? '是' : '否';
  switch (key) {
    case 'status': return labelOf(ENTERPRISE_STATUSES, String(v)) || String(v);
    case 'riskLevel': return labelOf(RISK_LEVELS, String(v)) || String(v);
    case 'scale': return labelOf(ENTERPRISE_SCALES, String(v)) || String(v);
    case 'standardGrade': return labelOf(STANDARD_GRADES, String(v)) || String(v);
    case 'sector': return sectorLabel(String(v)) || String(v);
    case 'kind': return labelOf(LICENCE_KINDS, String(v)) || String(v);
    case 'unitKind': return labelOf(HAZARD_UNIT_KINDS, String(v)) || String(v);
    case 'flags': return (v as string[]).map(flagLabel).join('、');
    case 'grade': return `${['', '一', '二', '三', '四'][Number(v)] ?? v}级`;
    case 'chemicals': return (v as Chem[]).map((c) => `${c.name} ${c.quantity} t`).join('、');
    case 's': case 'r': return String(Math.round(Number(v) * 1e4) / 1e4);
  }
  return Array.isArray(v) ? v.join('、') : typeof v === 'object' ? JSON.stringify(v) : String(v);
}

export interface FieldChange { label: string; from: string | null; to: string | null }

/** The fields an entry changed (an update), or the fields it recorded (a creation or deletion). */
export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !SKIP.has(k));
  const out: FieldChange[] = [];
  for (const k of keys) {
    if (JSON.stringify(b[k]) === JSON.stringify(a[k])) continue;
    // A field only one side recorded (a creation, a deletion, the reason of a status change) shows its value alone.
    const from = k in b ? show(k, b[k]) : null;
    const to = k in a ? show(k, a[k]) : null;
    if ((from === null || to === null) && (from ?? to) === '（空）') continue;
    out.push({ label: LABELS[k] ?? k, from, to });
  }
  return out;
}
