// 基本信息: the whole enterprise record (the header shows the essentials; this shows the rest).
import { Descriptions, Grid, Space, Tag, Typography } from 'antd';
import type { EnterpriseTabProps } from '../../../app/enterprise-tabs';
import { formatTime } from '../../../components/format';
import { useEnterprise } from '../api';
import { ENTERPRISE_SCALES, flagLabel, labelOf, sectorLabel, STANDARD_GRADES } from '../codes';
import { RiskTag } from '../EnterpriseTags';

const none = <Typography.Text type="secondary">未填写</Typography.Text>;
const or = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? none : v);

export default function BasicTab({ enterpriseId }: EnterpriseTabProps) {
  const { data: e } = useEnterprise(enterpriseId);
  // A bordered two-column table squeezes its labels on a phone: plain label–value lines there.
  const phone = Grid.useBreakpoint().md === false;
  if (!e) return null;
  return (
    <Descriptions bordered={!phone} size="small" column={{ xs: 1, md: 2 }} data-testid="enterprise-basic" items={[
      { key: 'name', label: '企业名称', children: e.name },
      { key: 'former', label: '曾用名', children: e.formerNames.length ? e.formerNames.join('、') : '无' },
      { key: 'code', label: '统一社会信用代码', children: e.creditCode },
      { key: 'industry', label: '国民经济行业代码', children: or(e.industryCode) },
      { key: 'sector', label: '监管行业', children: sectorLabel(e.sector, e.sectorDetail) },
      { key: 'subtype', label: '细分类型', children: or(e.subtype) },
      { key: 'flags', label: '专项风险', span: { xs: 1, md: 2 }, children: e.flags.length
        ? <Space size={[0, 4]} wrap>{e.flags.map((f) => <Tag key={f} color="orange">{flagLabel(f)}</Tag>)}</Space> : '无' },
      { key: 'region', label: '所属区域', children: [...new Set([e.townName, e.regionName].filter(Boolean))].join(' · ') || e.regionCode },
      { key: 'address', label: '地址', children: or(e.address) },
      { key: 'location', label: '经纬度', children: e.lng !== null && e.lat !== null ? `${e.lng.toFixed(5)}, ${e.lat.toFixed(5)}` : '未标注（不在地图上显示）' },
      { key: 'established', label: '成立日期', children: or(e.establishedOn) },
      { key: 'employees', label: '从业人员', children: e.employees === null ? none : `${e.employees} 人` },
      { key: 'scale', label: '企业规模', children: or(labelOf(ENTERPRISE_SCALES, e.scale)) },
      { key: 'regulator', label: '行业主管部门', children: or(e.regulatorName) },
      { key: 'key', label: '重点企业', children: e.isKey ? '是' : '否' },
      { key: 'grade', label: '安全生产标准化等级', children: labelOf(STANDARD_GRADES, e.standardGrade) || '未评定' },
      { key: 'risk', label: '风险等级', children: <Space wrap><RiskTag level={e.riskLevel} />
        {e.riskLevelSource && <Typography.Text type="secondary">{e.riskLevelSource}{e.riskLevelAt ? `（${formatTime(e.riskLevelAt)}）` : ''}</Typography.Text>}</Space> },
      { key: 'statusAt', label: '状态变更时间', children: formatTime(e.statusChangedAt) },
      { key: 'created', label: '建档时间', children: formatTime(e.createdAt) },
      { key: 'updated', label: '最近更新', children: formatTime(e.updatedAt) },
    ]} />
  );
}
