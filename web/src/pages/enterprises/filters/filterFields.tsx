// The controls of the enterprise filters, each bound to its URL parameter(s); the bar lays them out.
import type { ReactNode } from 'react';
import { Cascader, Input, Select } from 'antd';
import { OrgSelect } from '../../../components/OrgSelect';
import { RegionTreeSelect } from '../../../components/RegionTreeSelect';
import { FLAG_OPTIONS, RISK_FILTER_OPTIONS, SECTOR_CASCADE, STATUS_OPTIONS, SUBTYPE_OPTIONS } from '../codes';
import type { FilterChange, FilterValues } from './useEnterpriseFilters';

export interface FilterField {
  key: string;
  label: string;
  /** Shown in the first row; the others behind 更多筛选. */
  primary: boolean;
  node: ReactNode;
}

const YES_NO = [{ value: 'true', label: '是' }, { value: 'false', label: '否' }];
const HAS_NONE = [{ value: 'true', label: '有重大危险源' }, { value: 'false', label: '无重大危险源' }];
const EXPIRING = [7, 30, 90, 180].map((d) => ({ value: String(d), label: `${d} 天内到期` }));

function select(label: string, value: string | undefined, options: { value: string; label: string }[],
  onChange: (v: string | undefined) => void, placeholder: string) {
  return (
    <Select aria-label={label} value={value} options={options} placeholder={placeholder} allowClear
      style={{ width: '100%' }} onChange={(v?: string) => onChange(v)} />
  );
}

/** The filter controls for the current values; `set` writes to the URL. */
export function filterFields(values: FilterValues, set: (changes: FilterChange) => void): FilterField[] {
  const sectorValue = values.sector ? [values.sector, ...(values.sectorDetail ? [values.sectorDetail] : [])] : undefined;
  return [
    { key: 'q', label: '搜索', primary: true, node: (
      <Input.Search key={values.q ?? ''} defaultValue={values.q} allowClear aria-label="搜索企业"
        placeholder="名称、曾用名、信用代码或地址" onSearch={(v) => set({ q: v.trim() || undefined })} />
    ) },
    { key: 'regionCode', label: '所属区域', primary: true, node: (
      <RegionTreeSelect value={values.regionCode} placeholder="全部区域" onChange={(v) => set({ regionCode: v })} />
    ) },
    { key: 'sector', label: '监管行业', primary: true, node: (
      <Cascader aria-label="监管行业" value={sectorValue} options={SECTOR_CASCADE} changeOnSelect placeholder="全部监管行业"
        showSearch style={{ width: '100%' }}
        onChange={(v) => set({ sector: v?.[0] as string | undefined, sectorDetail: v?.[1] as string | undefined })} />
    ) },
    { key: 'status', label: '经营状态', primary: true,
      node: select('经营状态', values.status, STATUS_OPTIONS, (status) => set({ status }), '全部经营状态') },
    { key: 'riskLevel', label: '风险等级', primary: false,
      node: select('风险等级', values.riskLevel, RISK_FILTER_OPTIONS, (riskLevel) => set({ riskLevel }), '全部风险等级') },
    { key: 'subtype', label: '细分类型', primary: false,
      node: select('细分类型', values.subtype, SUBTYPE_OPTIONS, (subtype) => set({ subtype }), '全部细分类型（如液化气站）') },
    { key: 'flag', label: '专项风险', primary: false,
      node: select('专项风险', values.flag, FLAG_OPTIONS, (flag) => set({ flag }), '粉尘涉爆、涉氨制冷等') },
    { key: 'isKey', label: '重点企业', primary: false,
      node: select('重点企业', values.isKey, YES_NO, (isKey) => set({ isKey }), '是否重点企业') },
    { key: 'hasMajorHazard', label: '重大危险源', primary: false,
      node: select('重大危险源', values.hasMajorHazard, HAS_NONE, (hasMajorHazard) => set({ hasMajorHazard }), '有无重大危险源') },
    { key: 'licenceExpiringDays', label: '证照到期', primary: false,
      node: select('证照到期', values.licenceExpiringDays, EXPIRING, (d) => set({ licenceExpiringDays: d }), '证照即将到期') },
    { key: 'regulatorId', label: '行业主管部门', primary: false, node: (
      <OrgSelect value={values.regulatorId} placeholder="全部行业主管部门" onChange={(regulatorId) => set({ regulatorId })} />
    ) },
  ];
}
