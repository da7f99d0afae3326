// The on-site parts of an inspection, sized for a phone: the checklist, a finding (→ hazard), completion with the
// unit's signature or a refusal note, and the 责令限期整改指令书.
import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Flex, Form, Input, Modal, Radio, Segmented, Switch, Typography } from 'antd';
import dayjs from 'dayjs';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/mutation';
import { PhotoUpload } from '../../hazards/PhotoUpload';
import { CASES, CHECKLISTS, DOCUMENTS, INSPECTIONS, type Checklist, type EnfDocument, type InspectionDetail } from '../enforcementApi';
import { OfficerSelect } from '../OfficerSelect';
import { SignaturePad } from './SignaturePad';

type Result = { ok: boolean; note?: string; toHazard?: boolean };

/** 检查表: each item 符合 / 不符合, a note, and for a failed item whether it becomes a hazard now. */
export function ChecklistCard({ i, editable }: { i: InspectionDetail; editable: boolean }) {
  const lists = useQuery({ queryKey: [CHECKLISTS], queryFn: () => api.get<Checklist[]>(CHECKLISTS), enabled: !!i.checklistId });
  const list = lists.data?.find((l) => l.id === i.checklistId);
  const [results, setResults] = useState<Record<string, Result>>({});
  useEffect(() => setResults(Object.fromEntries(i.results.map((r) => [r.code, { ok: r.ok, note: r.note }]))), [i.results]);
  const save = useApiMutation(() => api.post<InspectionDetail>(`${INSPECTIONS}/${i.id}/record`, {
    results: Object.entries(results).map(([code, r]) => ({ code, ok: r.ok, note: r.note || undefined, toHazard: !r.ok && r.toHazard ? true : undefined, level: !r.ok && r.toHazard ? 'general' : undefined })),
  }), { invalidate: [INSPECTIONS], success: (d) => `已保存检查表${d.findingCount ? `，共发现问题 ${d.findingCount} 项` : ''}` });
  if (!i.checklistId) return null;
  const set = (code: string, r: Partial<Result>) => setResults((prev) => ({ ...prev, [code]: Object.assign({ ok: true }, prev[code], r) }));
  return (
    <Card size="small" title={list?.name ?? '执法检查表'} loading={lists.isLoading} data-testid="checklist">
      <Flex vertical gap={12}>
        {list?.items.map((item) => {
          const r = results[item.code];
          return (
            <div key={item.code} style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 8 }}>
              <Typography.Text strong>{item.code} {item.text}</Typography.Text>
              {item.basis && <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{item.basis}</Typography.Text></div>}
              <Flex wrap gap={8} style={{ marginTop: 6 }} align="center">
                <Segmented disabled={!editable} value={r ? (r.ok ? 'ok' : 'no') : ''} onChange={(v) => set(item.code, { ok: v === 'ok' })}
                  options={[{ label: '符合', value: 'ok' }, { label: '不符合', value: 'no' }]} />
                {r && !r.ok && editable && <span><Switch size="small" checked={!!r.toHazard} onChange={(v) => set(item.code, { toHazard: v })} /> 转为隐患</span>}
              </Flex>
              {r && !r.ok && <Input style={{ marginTop: 6 }} disabled={!editable} placeholder="问题说明" value={r.note} onChange={(e) => set(item.code, { note: e.target.value })} />}
            </div>
          );
        })}
        {editable && <Button type="primary" size="large" block loading={save.isPending} disabled={!Object.keys(results).length} onClick={() => save.mutate()}>保存检查表</Button>}
      </Flex>
    </Card>
  );
}

interface FindingValues { title: string; level: 'general' | 'major'; majorBasis?: string; description?: string; basis?: string; photos?: string[] }

/** 记录问题: one finding with photos; saved, it is a hazard at once (the hazard's number comes back). */
export function FindingModal({ i, open, onClose }: { i: InspectionDetail; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<FindingValues>();
  const level = Form.useWatch('level', form);
  const save = useApiMutation((v: FindingValues) => api.post<InspectionDetail>(`${INSPECTIONS}/${i.id}/record`, { findings: [{ ...v, photos: v.photos?.length ? v.photos : undefined }] }),
    { invalidate: [INSPECTIONS], success: (d) => `已记录并转为隐患 ${d.findings.at(-1)?.hazardNumber ?? ''}`, onSuccess: () => { form.resetFields(); onClose(); } });
  return (
    <Modal open={open} title="记录发现的问题（转为隐患）" okText="保存并转为隐患" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ level: 'general' }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="title" label="问题简述" rules={[{ required: true, min: 2, message: '请简述问题' }]}><Input size="large" /></Form.Item>
        <Form.Item name="level" label="隐患等级"><Radio.Group optionType="button" options={[{ value: 'general', label: '一般隐患' }, { value: 'major', label: '重大隐患' }]} /></Form.Item>
        {level === 'major' && <Form.Item name="majorBasis" label="重大隐患判定依据" rules={[{ required: true, min: 2 }]}><Input.TextArea rows={2} /></Form.Item>}
        <Form.Item name="description" label="详细情况"><Input.TextArea rows={3} /></Form.Item>
        <Form.Item name="basis" label="违反的规定"><Input placeholder="如：《安全生产法》第四十一条" /></Form.Item>
        <Form.Item name="photos" label="现场照片"><PhotoUpload enterpriseId={i.enterpriseId} testId="finding-photos" /></Form.Item>
      </Form>
    </Modal>
  );
}

interface CompleteValues { how: 'sign' | 'refuse'; signerName?: string; signatureFileId?: string; refusalNote?: string; summary?: string }

/** 完成检查: the unit's responsible person signs on the phone, or the officers note the refusal; makes the 现场检查记录. */
export function CompleteModal({ i, open, onClose }: { i: InspectionDetail; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<CompleteValues>();
  const how = Form.useWatch('how', form);
  const done = useApiMutation(({ how: h, ...v }: CompleteValues) => api.post<InspectionDetail>(`${INSPECTIONS}/${i.id}/complete`, h === 'sign'
    ? { summary: v.summary || undefined, signerName: v.signerName, signatureFileId: v.signatureFileId }
    : { summary: v.summary || undefined, refusalNote: v.refusalNote }),
  { invalidate: [INSPECTIONS, DOCUMENTS], success: '检查已完成，已生成现场检查记录', onSuccess: onClose });
  return (
    <Modal open={open} title="完成检查" okText="完成检查" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} confirmLoading={done.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ how: 'sign', summary: i.summary ?? undefined }} onFinish={(v) => done.mutate(v)}>
        <Form.Item name="summary" label="检查情况"><Input.TextArea rows={3} placeholder="现场检查的总体情况" /></Form.Item>
        <Form.Item name="how" label="被检查单位确认"><Segmented block options={[{ label: '负责人签名', value: 'sign' }, { label: '拒绝签名', value: 'refuse' }]} /></Form.Item>
        {how === 'refuse' ? (
          <Form.Item name="refusalNote" label="拒签情况" rules={[{ required: true, min: 4, message: '请写明拒绝签名的情况（至少 4 个字）' }]}><Input.TextArea rows={2} /></Form.Item>
        ) : (
          <>
            <Form.Item name="signerName" label="签名人" rules={[{ required: true }]}><Input size="large" /></Form.Item>
            <Form.Item name="signatureFileId" label="签名" rules={[{ required: true, message: '请签名后点“确认签名”' }]}><SignaturePad enterpriseId={i.enterpriseId} /></Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

/** 责令限期整改指令书: the problems (one a line, from the findings) and the deadline. */
export function RectifyOrderModal({ i, open, onClose }: { i: InspectionDetail; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<{ items: string; deadline: dayjs.Dayjs }>();
  const issue = useApiMutation((v: { items: string; deadline: dayjs.Dayjs }) => api.post<EnfDocument>(DOCUMENTS, {
    kind: 'rectify_order', inspectionId: i.id, deadline: v.deadline.format('YYYY-MM-DD'), items: v.items.split('\n').map((s) => s.trim()).filter((s) => s.length >= 2),
  }), { invalidate: [INSPECTIONS, DOCUMENTS], success: (d) => `已开具${d.kindLabel} ${d.number ?? ''}`, onSuccess: () => { form.resetFields(); onClose(); } });
  return (
    <Modal open={open} title="开具责令限期整改指令书" okText="开具" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} confirmLoading={issue.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => issue.mutate(v)}
        initialValues={{ items: i.findings.map((f) => f.title).join('\n'), deadline: dayjs().add(15, 'day') }}>
        <Form.Item name="items" label="存在的问题（每行一条）" rules={[{ required: true, message: '请填写存在的问题' }]}><Input.TextArea rows={5} /></Form.Item>
        <Form.Item name="deadline" label="整改期限" rules={[{ required: true }]}><DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} /></Form.Item>
      </Form>
    </Modal>
  );
}

/** 申请立案 from an inspection: the cause, the facts and the case officers (two at least, the inspection's by default); filed from
 * a proposed violation item (拟认定违法行为), the case carries it into its penalty proposal. */
export function FileCaseModal({ i, open, onClose, onFiled, violation }: { i: InspectionDetail; open: boolean; onClose: () => void; onFiled: (caseId: string) => void;
  violation?: { itemId: string; code: string; name: string; finding: string } }) {
  const [form] = Form.useForm<{ cause: string; facts?: string; officerIds: string[] }>();
  const file = useApiMutation((v: { cause: string; facts?: string; officerIds: string[] }) => api.post<{ id: string }>(CASES, {
    source: 'inspection', inspectionId: i.id, enterpriseId: i.enterpriseId ?? undefined, ...v,
    party: i.enterpriseId ? undefined : { kind: 'org', name: i.unitName, address: i.unitAddress ?? undefined, regionCode: i.regionCode },
    ...(violation ? { violationItemId: violation.itemId, finding: violation.finding.slice(0, 300) } : {}),
  }), { invalidate: [CASES], success: '已提交立案审批', onSuccess: (c) => { onClose(); onFiled(c.id); } });
  return (
    <Modal open={open} title="申请立案" okText="提交立案审批" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} confirmLoading={file.isPending} destroyOnHidden>
      {violation && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`拟认定违法行为：${violation.code} ${violation.name}`}
        description="立案后，案件的处罚裁量默认选用该违法行为及其裁量基准。" />}
      <Form form={form} layout="vertical" initialValues={{ officerIds: i.officers.map((o) => o.id), cause: violation?.name,
        facts: violation?.finding ?? i.findings.map((f) => f.title).join('；') }} onFinish={(v) => file.mutate(v)}>
        <Form.Item name="cause" label="案由" rules={[{ required: true, min: 4, message: '请填写案由（至少 4 个字）' }]}><Input placeholder="如：未按规定对安全设备进行经常性维护、保养" /></Form.Item>
        <Form.Item name="facts" label="违法事实"><Input.TextArea rows={4} /></Form.Item>
        <Form.Item name="officerIds" label="承办人员" rules={[{ required: true, type: 'array', min: 2, message: '至少两名持证执法人员' }]}><OfficerSelect /></Form.Item>
      </Form>
    </Modal>
  );
}
