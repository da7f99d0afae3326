// The enterprise list as an Excel sheet: export columns, import (template) columns. Shared headers carry
// the same meaning both ways, so an exported file can be edited and imported again.
import {
  ENTERPRISE_FLAGS, ENTERPRISE_SCALES, ENTERPRISE_STATUSES, type Enterprise, RISK_LEVELS, SECTOR_DETAILS, SECTORS, STANDARD_GRADES,
} from '../../../contracts/enterprises.js';
import { date, decimal, int, list, oneOf, text, yesNo, type XlsxColumn } from '../../platform/excel/columns.js';

const phone = () => text({ max: 20, pattern: /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/, hint: '手机号或固话（如 0730-5212345）' });
const person = () => text({ max: 30 });

const shared = {
  name: { key: 'name', header: '企业名称', type: text({ max: 100 }), width: 34 },
  creditCode: { key: 'creditCode', header: '统一社会信用代码', type: text({ max: 30 }), width: 22, note: '18 位，GB 32100；校验码错误会指出是哪一位' },
  regionCode: { key: 'regionCode', header: '区划代码', type: text({ max: 30 }), width: 16, note: '12 位区划代码；也可填村（社区）、镇或园区的名称（名称不唯一时须填代码）' },
  address: { key: 'address', header: '详细地址', type: text({ max: 200 }), width: 30 },
  sector: { key: 'sector', header: '监管行业', type: oneOf(SECTORS), width: 14 },
  sectorDetail: { key: 'sectorDetail', header: '行业细分', type: oneOf(SECTOR_DETAILS), note: '须属于所填监管行业：危险化学品（生产/经营/使用/储存）；烟花爆竹（生产/批发/零售）；工贸（冶金/有色/建材/机械/轻工/纺织/烟草/商贸）' },
  subtype: { key: 'subtype', header: '细分类型', type: text({ max: 30 }), note: '如 钢纤维、鞋楦、特种制泵、林木加工、液化气站' },
  flags: { key: 'flags', header: '风险标识', type: list(oneOf(ENTERPRISE_FLAGS)), width: 16 },
  industryCode: { key: 'industryCode', header: '国民经济行业代码', type: text({ max: 5, pattern: /^[A-T](\d{2,4})?$/, hint: 'GB/T 4754-2017 代码，如 C2614' }) },
  status: { key: 'status', header: '经营状态', type: oneOf(ENTERPRISE_STATUSES), note: '只在新建企业时登记；已有企业的状态变更须在企业页面填写原因后办理' },
  riskLevel: { key: 'riskLevel', header: '风险等级', type: oneOf(RISK_LEVELS) },
  isKey: { key: 'isKey', header: '重点企业', type: yesNo() },
  scale: { key: 'scale', header: '企业规模', type: oneOf(ENTERPRISE_SCALES) },
  employees: { key: 'employees', header: '从业人数', type: int({ min: 0, max: 1_000_000 }) },
  standardGrade: { key: 'standardGrade', header: '安全生产标准化等级', type: oneOf(STANDARD_GRADES) },
  regulator: { key: 'regulatorName', header: '行业主管部门', type: text({ max: 60 }), width: 22, note: '系统中单位的全称或简称，如 汨水市住房和城乡建设局、住建局' },
  legalRepresentative: { key: 'legalRepresentative', header: '法定代表人', type: person() },
  legalRepresentativePhone: { key: 'legalRepresentativePhone', header: '法定代表人电话', type: phone(), width: 15 },
  principalName: { key: 'principalName', header: '主要负责人', type: person() },
  principalPhone: { key: 'principalPhone', header: '主要负责人电话', type: phone(), width: 15 },
  safetyManagerName: { key: 'safetyManagerName', header: '安全管理负责人', type: person() },
  safetyManagerPhone: { key: 'safetyManagerPhone', header: '安全管理负责人电话', type: phone(), width: 15 },
  lng: { key: 'lng', header: '经度', type: decimal({ min: 73, max: 136 }) },
  lat: { key: 'lat', header: '纬度', type: decimal({ min: 3, max: 54 }) },
  establishedOn: { key: 'establishedOn', header: '成立日期', type: date() },
  formerNames: { key: 'formerNames', header: '曾用名', type: list(text({ max: 100 })), width: 24 },
} satisfies Record<string, XlsxColumn>;

/** The columns of an export of the enterprise list. */
export const EXPORT_COLUMNS: XlsxColumn[] = [
  shared.name, shared.creditCode, shared.formerNames,
  { key: 'townName', header: '所属镇（园区）', type: text() }, { key: 'regionName', header: '所属村（社区）', type: text() },
  shared.regionCode, shared.address, shared.sector, shared.sectorDetail, shared.subtype, shared.flags, shared.industryCode, shared.status,
  shared.riskLevel, shared.isKey, shared.scale, shared.employees, shared.standardGrade, shared.regulator, shared.legalRepresentative,
  shared.legalRepresentativePhone, shared.principalName, shared.principalPhone, shared.safetyManagerName, shared.safetyManagerPhone,
  shared.lng, shared.lat, shared.establishedOn,
  { key: 'majorHazardCount', header: '重大危险源（处）', type: int() },
  { key: 'nextLicenceExpiresOn', header: '最近证照到期日', type: date() },
  { key: 'updatedAt', header: '更新时间', type: text(), width: 17 },
];

/** The columns of the import template (required ones first). */
export const IMPORT_COLUMNS: XlsxColumn[] = [
  { ...shared.name, required: true }, { ...shared.creditCode, required: true }, { ...shared.regionCode, required: true }, { ...shared.sector, required: true },
  shared.sectorDetail, shared.subtype, shared.flags, shared.address, shared.regulator, shared.status, shared.riskLevel, shared.isKey, shared.scale,
  shared.employees, shared.standardGrade, shared.industryCode, shared.legalRepresentative, shared.legalRepresentativePhone, shared.principalName,
  shared.principalPhone, shared.safetyManagerName, shared.safetyManagerPhone, shared.lng, shared.lat, shared.establishedOn, shared.formerNames,
];

/** What a parsed import row holds (keys of IMPORT_COLUMNS). */
export interface ImportValues {
  name: string; creditCode: string; regionCode: string; sector: string; sectorDetail: string; subtype: string; flags: string[]; address: string;
  regulatorName: string; status: string; riskLevel: string; isKey: boolean; scale: string; employees: number; standardGrade: string;
  industryCode: string; legalRepresentative: string; legalRepresentativePhone: string; principalName: string; principalPhone: string;
  safetyManagerName: string; safetyManagerPhone: string; lng: number; lat: number; establishedOn: string; formerNames: string[];
}

/** 'YYYY-MM-DD HH:mm' in Asia/Shanghai. */
const shanghaiMinute = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

/** An enterprise as an export row. */
export const exportRow = (e: Enterprise) => ({ ...e, updatedAt: shanghaiMinute(e.updatedAt) });

export const TEMPLATE_NOTES = [
  '按“统一社会信用代码”匹配：系统中已有的企业将更新所填的列（空白单元格不改动原值），没有的将新建。',
  '文件中任何一行有错误时默认整份不导入；也可选择“只导入无误的行”。错误会列出行号和原因。',
  '只能导入您数据范围内的企业；行业细分须属于所填的监管行业。',
  '示例：企业名称 汨水市示例化工有限公司；统一社会信用代码 91430699MA4L12346L；区划代码 循环园；监管行业 危险化学品；行业细分 经营；行业主管部门 危化股。',
];
