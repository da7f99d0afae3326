// The 初报/续报/核报 form: one column of number fields, usable on a phone by a village officer in the field.
import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, DatePicker, Drawer, Form, Input, InputNumber, Select, Button, Flex } from 'antd';
import dayjs from 'dayjs';
import { api } from '../../api/client';
import { useApiMutation } from '../../api/mutation';
import type { PageOf } from '../../api/types';
import { useMe } from '../../app/session';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { INDICATORS, REPORT_STAGES, type DisasterEvent, type DisasterReportDetail } from '../../../../contracts/disaster';

const R = '/api/disaster/reports';

/** New report (no `report`) or the correction of one sent back. */
export function ReportForm({ eventId, report, onClose }: { eventId?: string; report?: DisasterReportDetail; onClose: () => void }) {
  const me = useMe();
  const [form] = Form.useForm();
  const events = useQuery({ queryKey: ['/api/disaster/events', 'open'], queryFn: () => api.get<PageOf<DisasterEvent>>('/api/disaster/events', { pageSize: 50 }), enabled: !report });
  const save = useApiMutation((v: Record<string, unknown>) => (report ? api.put<DisasterReportDetail>(`${R}/${report.id}`, v) : api.post<DisasterReportDetail>(R, v)),
    { invalidate: [R, '/api/disaster/events'], success: report ? '已重新报送' : '灾情已报送，等待上级审核', onSuccess: onClose });
  // Preselect the newest event once the list arrives (the form keeps its store, so initialValues would be too early).
  const firstEvent = events.data?.items[0]?.id;
  useEffect(() => { if (!report && firstEvent && !form.getFieldValue('eventId')) form.setFieldValue('eventId', eventId ?? firstEvent); }, [form, report, eventId, firstEvent]);
  const scopeRegion = me.scope.kind === 'region' ? (me.scope as { regionCode?: string }).regionCode : undefined;
  const initial = report
    ? { stage: report.stage, asOf: dayjs(report.asOf), description: report.description, ...Object.fromEntries(Object.entries(report.figures).map(([k, v]) => [`f_${k}`, v])) }
    : { eventId, regionCode: scopeRegion, stage: 'initial', asOf: dayjs() };
  return (
    <Drawer open title={report ? `修改并重新报送：${report.regionName}` : '报送灾情'} onClose={onClose} size="large" destroyOnHidden
      footer={<Flex justify="end" gap={8}><Button onClick={onClose}>取消</Button><Button type="primary" loading={save.isPending} onClick={() => form.submit()}>报送</Button></Flex>}>
      {report?.status === 'returned' && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`已退回：${report.trail.filter((t) => t.action === 'return').at(-1)?.note ?? ''}`} />}
      <Form form={form} layout="vertical" initialValues={initial}
        onFinish={(v: Record<string, unknown>) => {
          const figures = Object.fromEntries(INDICATORS.map((i) => [i.key, v[`f_${i.key}`]]).filter(([, x]) => x !== undefined && x !== null));
          const body = { stage: v.stage, asOf: (v.asOf as dayjs.Dayjs).toISOString(), description: v.description ?? '', figures };
          save.mutate(report ? body : { ...body, eventId: v.eventId, regionCode: v.regionCode });
        }}>
        {!report && (
          <>
            <Form.Item name="eventId" label="灾害事件" rules={[{ required: true, message: '请选择灾害事件；没有事件时请乡镇或县级先登记' }]}>
              <Select options={(events.data?.items ?? []).map((e) => ({ value: e.id, label: `${e.name}（${e.number}）` }))} placeholder="选择灾害事件" />
            </Form.Item>
            <Form.Item name="regionCode" label="报送区域（村/社区或乡镇）" rules={[{ required: true, message: '请选择报送区域' }]}><RegionTreeSelect /></Form.Item>
          </>
        )}
        <Form.Item name="stage" label="报送类型" rules={[{ required: true }]}><Select options={REPORT_STAGES.map((s) => ({ value: s.code, label: s.label }))} /></Form.Item>
        <Form.Item name="asOf" label="统计截至" rules={[{ required: true, message: '请选择统计截至时间' }]}><DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} /></Form.Item>
        {INDICATORS.map((i) => (
          <Form.Item key={i.key} name={`f_${i.key}`} label={`${i.label}（${i.unit}）`} style={{ marginBottom: 12 }}>
            <InputNumber min={0} precision={'decimal' in i ? 2 : 0} inputMode={'decimal' in i ? 'decimal' : 'numeric'} style={{ width: '100%' }} placeholder="0" />
          </Form.Item>
        ))}
        <Form.Item name="description" label="灾情描述"><Input.TextArea autoSize={{ minRows: 3 }} placeholder="灾害发生经过、影响范围、已采取的措施" /></Form.Item>
      </Form>
    </Drawer>
  );
}
