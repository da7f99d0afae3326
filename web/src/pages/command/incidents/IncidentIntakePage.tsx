// 接报登记: a phone-usable intake form. The grade is previewed as the figures are typed; ?alarmId= / ?tipoffId=
// prefill the source (the duty desk and the alarm page link here).
import { useEffect } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/mutation';
import { PageHeader } from '../../../components/PageHeader';
import { RegionTreeSelect } from '../../../components/RegionTreeSelect';
import { EnterpriseSelect } from '../../hazards/EnterpriseSelect';
import { INCIDENT_KINDS, INCIDENT_SOURCES, INCIDENTS, incidentPath, levelLabel, optionsOf, type Incident } from './incidentApi';
import type { IncidentIntake } from '../../../../../contracts/command-incidents';

interface Values extends Omit<IncidentIntake, 'occurredAt'> { occurredAt: Dayjs }
const COUNTS = [['dead', '死亡'], ['injured', '重伤（含中毒）'], ['missing', '失踪'], ['trapped', '被困'], ['relocated', '转移安置']] as const;

export default function IncidentIntakePage() {
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const v = Form.useWatch([], form);
  const alarmId = search.get('alarmId');
  const tipoffId = search.get('tipoffId');
  const preview = useQuery({
    queryKey: ['incident-grade', v?.kind, v?.dead, v?.injured, v?.missing, v?.lossWan, v?.relocated],
    enabled: !!v?.kind,
    queryFn: () => api.post<{ gradeLabel: string; rule: string; suggestedLevel: number }>(`${INCIDENTS}/grade`,
      { kind: v.kind, dead: v.dead ?? 0, injured: v.injured ?? 0, missing: v.missing ?? 0, trapped: v.trapped ?? 0, lossWan: v.lossWan ?? 0, relocated: v.relocated ?? 0 }),
  });
  useEffect(() => {
    if (alarmId) api.get<{ message: string; regionCode: string; enterpriseId: string | null }>(`/api/monitoring/alarms/${alarmId}`)
      .then((a) => form.setFieldsValue({ description: a.message, regionCode: a.regionCode, enterpriseId: a.enterpriseId ?? undefined })).catch(() => undefined);
    if (tipoffId) api.get<{ content: string; regionCode: string; subjectAddress: string | null; enterpriseId: string | null }>(`/api/enforcement/tipoffs/${tipoffId}`)
      .then((x) => form.setFieldsValue({ description: x.content, regionCode: x.regionCode, address: x.subjectAddress ?? undefined, enterpriseId: x.enterpriseId ?? undefined })).catch(() => undefined);
  }, [alarmId, tipoffId, form]);
  const save = useApiMutation((body: IncidentIntake) => api.post<Incident>(INCIDENTS, body), {
    invalidate: [INCIDENTS], success: (i) => `已登记，编号 ${i.number}`, onSuccess: (i) => navigate(incidentPath(i.id), { replace: true }),
  });
  const submit = ({ occurredAt, ...rest }: Values) => {
    const body = Object.fromEntries(Object.entries(rest).filter(([, x]) => x !== undefined && x !== '' && x !== null)) as unknown as IncidentIntake;
    save.mutate({ ...body, occurredAt: occurredAt.toISOString() });
  };
  return (
    <div style={{ maxWidth: 760 }}>
      <PageHeader title="接报登记">记录报告人、时间、地点、类别和伤亡情况；系统按国家分级标准初判事件等级。</PageHeader>
      <Form<Values> form={form} layout="vertical" scrollToFirstError onFinish={submit}
        initialValues={{ source: alarmId ? 'alarm' : tipoffId ? 'tipoff' : 'phone', sourceRefId: alarmId ?? tipoffId ?? undefined, occurredAt: dayjs(), kind: 'hazchem' }}>
        <Card size="small" title="报告来源" style={{ marginBottom: 12 }}>
          <Form.Item name="source" label="来源"><Radio.Group optionType="button" buttonStyle="solid" options={optionsOf(INCIDENT_SOURCES)} /></Form.Item>
          <Form.Item name="sourceRefId" hidden><Input /></Form.Item>
          <Space wrap>
            <Form.Item name="reporterName" label="报告人"><Input maxLength={50} placeholder="姓名" /></Form.Item>
            <Form.Item name="reporterPhone" label="联系电话"><Input maxLength={30} inputMode="tel" placeholder="手机或座机" /></Form.Item>
            <Form.Item name="reporterOrg" label="单位"><Input maxLength={100} /></Form.Item>
          </Space>
        </Card>
        <Card size="small" title="事件情况" style={{ marginBottom: 12 }}>
          <Form.Item name="kind" label="事件类别" rules={[{ required: true, message: '请选择事件类别' }]}><Select options={optionsOf(INCIDENT_KINDS)} /></Form.Item>
          <Form.Item name="occurredAt" label="事发时间" rules={[{ required: true, message: '请填写事发时间' }]}><DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="enterpriseId" label="涉事企业（选填）"><EnterpriseSelect /></Form.Item>
          <Form.Item name="regionCode" label="事发地区划" extra="选了涉事企业可不填，按企业所在地"><RegionTreeSelect placeholder="选择乡镇或村（社区）" /></Form.Item>
          <Form.Item name="address" label="详细地点" rules={[{ required: true, whitespace: true, message: '请填写事发地点' }, { min: 2, message: '请写明地点' }]}>
            <Input maxLength={200} placeholder="如：循环园恒达化工罐区" />
          </Form.Item>
          <Space wrap>
            <Form.Item name="lng" label="经度（选填）"><InputNumber min={73} max={136} step={0.0001} style={{ width: 150 }} /></Form.Item>
            <Form.Item name="lat" label="纬度（选填）"><InputNumber min={3} max={54} step={0.0001} style={{ width: 150 }} /></Form.Item>
          </Space>
          <Form.Item name="title" label="事件名称（选填）" extra="不填则按“企业或地点 + 类别”命名"><Input maxLength={100} /></Form.Item>
          <Form.Item name="description" label="简要情况" rules={[{ required: true, whitespace: true, message: '请简述事件情况' }, { min: 2, message: '请简述事件情况' }]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} />
          </Form.Item>
        </Card>
        <Card size="small" title="伤亡和损失（已知的填写，可稍后核报）" style={{ marginBottom: 12 }}>
          <Space wrap>
            {COUNTS.map(([name, label]) => <Form.Item key={name} name={name} label={label}><InputNumber min={0} precision={0} style={{ width: 120 }} /></Form.Item>)}
            <Form.Item name="lossWan" label="直接经济损失（万元）"><InputNumber min={0} step={1} style={{ width: 160 }} /></Form.Item>
          </Space>
          {preview.data && (
            <Alert type="info" showIcon data-testid="grade-preview" title={`初判：${preview.data.gradeLabel}事件，建议${levelLabel(preview.data.suggestedLevel)}响应`} description={preview.data.rule} />
          )}
        </Card>
        <Button type="primary" htmlType="submit" block size="large" loading={save.isPending}>登记并进入指挥视图</Button>
      </Form>
    </div>
  );
}
