// The header card of the enterprise page: who it is, its state, where it is, who regulates it and
// whom to call (phones dial when tapped).
import type { ReactNode } from 'react';
import { Card, Descriptions, Flex, Space, Typography } from 'antd';
import type { Enterprise } from '../api';
import { sectorLabel } from '../codes';
import { EnterpriseStatusTag, KeyTag, MajorHazardTag, RiskTag } from '../EnterpriseTags';
import { PersonalValue } from '../../../components/PersonalValue';

/** A contact: the phone masked, revealed (audited) with 查看 by a role that may see it. */
function Person({ name, phone, id, field }: { name: string | null; phone: string | null; id: string; field: string }) {
  if (!name && !phone) return <Typography.Text type="secondary">未填写</Typography.Text>;
  return <Space size={8} wrap>{name && <span>{name}</span>}{phone && <PersonalValue value={phone} entity="enterprise" id={id} field={field} />}</Space>;
}

export function EnterpriseHeader({ enterprise: e, actions }: { enterprise: Enterprise; actions: ReactNode }) {
  const region = [e.townName, e.regionName !== e.townName ? e.regionName : null].filter(Boolean).join(' · ');
  return (
    <Card style={{ marginBottom: 16 }} data-testid="enterprise-header">
      <Flex justify="space-between" align="flex-start" wrap gap={12}>
        <Flex vertical gap={8} style={{ minWidth: 0, flex: '1 1 320px' }}>
          <Typography.Title level={4} style={{ margin: 0 }}>{e.name}</Typography.Title>
          <Space size={[0, 6]} wrap>
            <EnterpriseStatusTag status={e.status} />
            <RiskTag level={e.riskLevel} />
            <KeyTag isKey={e.isKey} />
            <MajorHazardTag count={e.majorHazardCount} grade={e.majorHazardGrade} />
          </Space>
        </Flex>
        <Flex wrap gap={8}>{actions}</Flex>
      </Flex>
      <Descriptions size="small" style={{ marginTop: 16 }} column={{ xs: 1, sm: 2, lg: 3 }} items={[
        { key: 'code', label: '统一社会信用代码', children: <Typography.Text copyable>{e.creditCode}</Typography.Text> },
        { key: 'sector', label: '监管行业', children: [sectorLabel(e.sector, e.sectorDetail), e.subtype].filter(Boolean).join(' · ') },
        { key: 'regulator', label: '行业主管部门', children: e.regulatorName ?? '未指定' },
        { key: 'region', label: '所属区域', children: region || '—' },
        { key: 'address', label: '地址', children: e.address ?? '—', span: { xs: 1, sm: 2, lg: 2 } },
        { key: 'legal', label: '法定代表人', children: <Person name={e.legalRepresentative} phone={e.legalRepresentativePhone} id={e.id} field="legalRepresentativePhone" /> },
        { key: 'principal', label: '主要负责人', children: <Person name={e.principalName} phone={e.principalPhone} id={e.id} field="principalPhone" /> },
        { key: 'safety', label: '安全管理负责人', children: <Person name={e.safetyManagerName} phone={e.safetyManagerPhone} id={e.id} field="safetyManagerPhone" /> },
      ]} />
    </Card>
  );
}
