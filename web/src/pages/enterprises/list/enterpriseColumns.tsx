// The columns of the enterprise list: full on a desktop, one stacked column on a phone.
import { Link } from 'react-router';
import { Button, Flex, Space, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { formatTime } from '../../../components/format';
import type { EnterpriseListItem } from '../api';
import { flagLabel, sectorLabel } from '../codes';
import { EnterpriseStatusTag, ExpiryTag, KeyTag, MajorHazardTag, RiskTag } from '../EnterpriseTags';
import { PersonalValue } from '../../../components/PersonalValue';

type Sort = { sort: string; order: 'asc' | 'desc' } | undefined;
type Columns = TableColumnsType<EnterpriseListItem>;

const { Text } = Typography;
const secondary = (text: string | null | undefined) => text && <Text type="secondary" style={{ fontSize: 12 }}>{text}</Text>;

/** Days from today to a date (negative when past). */
export const daysUntil = (day: string) => dayjs(day).diff(dayjs().startOf('day'), 'day');

function NameCell({ e }: { e: EnterpriseListItem }) {
  return (
    <Flex vertical gap={2} style={{ minWidth: 220 }}>
      <Link to={`/enterprises/${e.id}`}>{e.name}</Link>
      {secondary(e.creditCode)}
      {e.formerNames.length > 0 && secondary(`曾用名：${e.formerNames.join('、')}`)}
    </Flex>
  );
}

function SectorCell({ e }: { e: EnterpriseListItem }) {
  return (
    <Flex vertical gap={2}>
      <span>{sectorLabel(e.sector, e.sectorDetail)}</span>
      {secondary([e.subtype, ...e.flags.map(flagLabel)].filter(Boolean).join(' · '))}
    </Flex>
  );
}

/** The table's columns; sorting shows the URL's sort. */
export function enterpriseColumns(sort: Sort, onEdit: ((e: EnterpriseListItem) => void) | null): Columns {
  const sortable = (key: string) => ({
    sorter: true, sortOrder: sort?.sort === key ? (sort.order === 'asc' ? 'ascend' as const : 'descend' as const) : null,
  });
  return [
    { title: '企业名称', key: 'name', fixed: 'left', render: (_, e) => <NameCell e={e} />, ...sortable('name') },
    { title: '所属区域', key: 'region', render: (_, e) => e.townName && e.townName !== e.regionName
      ? <Flex vertical gap={2}><span>{e.townName}</span>{secondary(e.regionName)}</Flex> : e.regionName ?? '—' },
    { title: '监管行业', key: 'sector', render: (_, e) => <SectorCell e={e} /> },
    { title: '经营状态', key: 'status', render: (_, e) => <EnterpriseStatusTag status={e.status} />, ...sortable('status') },
    { title: '风险等级', key: 'riskLevel', render: (_, e) => <RiskTag level={e.riskLevel} />, ...sortable('riskLevel') },
    { title: '标记', key: 'marks', render: (_, e) => (
      <Space size={[0, 4]} wrap><KeyTag isKey={e.isKey} /><MajorHazardTag count={e.majorHazardCount} grade={e.majorHazardGrade} /></Space>
    ) },
    { title: '最近证照到期', key: 'licence', render: (_, e) => e.nextLicenceExpiresOn
      ? <Flex vertical gap={2}><span>{e.nextLicenceExpiresOn}</span><span><ExpiryTag expiresOn={e.nextLicenceExpiresOn} daysLeft={daysUntil(e.nextLicenceExpiresOn)} /></span></Flex>
      : '—' },
    { title: '主要负责人', key: 'principal', render: (_, e) => e.principalName
      ? <Flex vertical gap={2}><span>{e.principalName}</span><PersonalValue value={e.principalPhone} entity="enterprise" id={e.id} field="principalPhone" /></Flex> : '—' },
    { title: '行业主管部门', dataIndex: 'regulatorName', render: (v: string | null) => v ?? '—' },
    { title: '从业人员', key: 'employees', dataIndex: 'employees', align: 'right', render: (v: number | null) => v ?? '—', ...sortable('employees') },
    { title: '更新时间', key: 'updatedAt', dataIndex: 'updatedAt', render: formatTime, ...sortable('updatedAt') },
    ...(onEdit ? [{ title: '操作', key: 'action', fixed: 'right' as const, render: (_: unknown, e: EnterpriseListItem) => (
      <Button type="link" size="small" onClick={() => onEdit(e)}>编辑</Button>
    ) }] : []),
  ];
}

/** On a phone: one column that stacks what the desktop spreads out. */
export function phoneColumns(): Columns {
  return [{ title: '企业', key: 'card', render: (_, e) => (
    <Flex vertical gap={4}>
      <Link to={`/enterprises/${e.id}`} style={{ fontSize: 15 }}>{e.name}</Link>
      <Space size={[0, 4]} wrap>
        <EnterpriseStatusTag status={e.status} /><RiskTag level={e.riskLevel} /><KeyTag isKey={e.isKey} />
        <MajorHazardTag count={e.majorHazardCount} grade={e.majorHazardGrade} />
      </Space>
      {secondary([e.townName ?? e.regionName, sectorLabel(e.sector, e.sectorDetail), e.subtype].filter(Boolean).join(' · '))}
      {e.principalName && <Text style={{ fontSize: 13 }}>{e.principalName} <PersonalValue value={e.principalPhone} entity="enterprise" id={e.id} field="principalPhone" /></Text>}
    </Flex>
  ) }];
}
