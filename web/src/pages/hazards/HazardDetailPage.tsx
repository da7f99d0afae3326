// 隐患详情: the record, the 一单四制 card, extension requests, the trail, and the moves this account may make.
import { useParams, useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Col, Flex, Result, Row, Skeleton, Typography } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { api, ApiError } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { CAMPAIGNS, noticeUrl, useHazard, type Campaign } from './hazardApi';
import { ExtensionsCard } from './ExtensionsCard';
import { HazardActions } from './HazardActions';
import { HazardFields } from './HazardFields';
import { HazardTags } from './HazardTags';
import { HazardTrail } from './HazardTrail';
import { RectificationCard } from './RectificationCard';

export default function HazardDetailPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const hazard = useHazard(id);
  const campaignId = hazard.data?.campaignId;
  const campaign = useQuery({ queryKey: [CAMPAIGNS, campaignId], queryFn: () => api.get<Campaign>(`${CAMPAIGNS}/${campaignId}`), enabled: !!campaignId });
  const back = <Button icon={<ArrowLeftOutlined />} onClick={() => (history.length > 1 ? navigate(-1) : navigate('/hazards'))}>返回</Button>;

  if (hazard.isPending) return <Skeleton active />;
  if (hazard.isError) {
    const missing = hazard.error instanceof ApiError && hazard.error.status === 404;
    return <Result status={missing ? '404' : 'error'} title={missing ? '隐患不存在或不在您的管辖范围内' : '加载失败'} subTitle={hazard.error.message} extra={back} />;
  }
  const h = hazard.data;
  return (
    <>
      <PageHeader title={h.title} extra={<Flex gap={8} wrap>
        <Button icon={<PrinterOutlined />} href={noticeUrl(h.id)} target="_blank">整改通知书</Button>
        <Button icon={<DownloadOutlined />} href={noticeUrl(h.id, true)}>Word</Button>
        {back}
      </Flex>} />
      <Flex vertical gap={6} style={{ marginTop: -8, marginBottom: 12 }}>
        <Typography.Text type="secondary">{h.number} · {h.enterpriseName ?? [h.regionName, h.placeName].filter(Boolean).join(' · ')}</Typography.Text>
        <div data-testid="hazard-tags"><HazardTags hazard={h} /></div>
      </Flex>
      {h.overdue && <Alert type="error" showIcon title={`已超过整改期限 ${h.deadline}，仍未完成整改`} style={{ marginBottom: 12 }} />}
      <div style={{ marginBottom: 16 }}><HazardActions hazard={h} /></div>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Flex vertical gap={16}>
            <RectificationCard hazard={h} />
            <ExtensionsCard hazard={h} />
            <HazardFields hazard={h} campaignName={campaign.data?.name} />
          </Flex>
        </Col>
        <Col xs={24} lg={10}><HazardTrail hazard={h} /></Col>
      </Row>
    </>
  );
}
