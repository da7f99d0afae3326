// Registers or edits a hazard unit (生产单元/储存单元). While the chemicals are filled in, the platform's
// own GB 18218 calculation is shown live, so the person sees S, R and the grade before saving.
import { useEffect, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Col, Divider, Form, Input, InputNumber, Modal, Radio, Row, Typography } from 'antd';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/mutation';
import { PATHS, useChemicals, type Chemical, type HazardEvaluation, type HazardSource } from '../api';
import { UNIT_KIND_OPTIONS } from '../codes';
import { showServerErrors } from '../form/serverErrors';
import { ChemicalRows, type ChemicalRow } from './ChemicalRows';
import { HazardEvaluationView } from './HazardEvaluationView';

/** `null`: closed; `'new'`: register; a source: edit it. */
export type HazardSourceEdit = HazardSource | 'new' | null;

interface FormValues { name: string; unitKind: 'production' | 'storage'; peopleExposed: number; recordNo?: string; note?: string; chemicals: ChemicalRow[] }

const FORM_ID = 'hazard-source-form';
const FIELDS = ['name', 'unitKind', 'peopleExposed', 'recordNo', 'note', 'chemicals'];

/** The chemicals as the API takes them: a listed substance by code; a category with the substance's name. */
function chemicalsBody(rows: ChemicalRow[] | undefined, catalogue: Chemical[]) {
  const kinds = new Map(catalogue.map((c) => [c.code, c.kind]));
  return (rows ?? []).filter((r) => r?.chemicalCode && typeof r.quantity === 'number').map((r) => ({
    chemicalCode: r.chemicalCode, quantity: r.quantity!, ...(kinds.get(r.chemicalCode!) === 'category' ? { name: r.name?.trim() } : {}),
  }));
}

/** A value that settles `ms` after it stops changing. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => { const t = setTimeout(() => setSettled(value), ms); return () => clearTimeout(t); }, [value, ms]);
  return settled;
}

export function HazardSourceFormModal({ enterpriseId, edit, onClose }: { enterpriseId: string; edit: HazardSourceEdit; onClose: () => void }) {
  const [form] = Form.useForm<FormValues>();
  const source = edit && edit !== 'new' ? edit : null;
  const catalogue = useChemicals();
  const chemicals = catalogue.data ?? [];
  const people = Form.useWatch('peopleExposed', form);
  const rows = Form.useWatch('chemicals', form);
  const input = useSettled(JSON.stringify({ peopleExposed: people, chemicals: chemicalsBody(rows, chemicals) }), 400);
  const ready = typeof people === 'number' && JSON.parse(input).chemicals.length > 0;
  const preview = useQuery({
    queryKey: [PATHS.evaluate, input],
    queryFn: () => api.post<HazardEvaluation>(PATHS.evaluate, JSON.parse(input)),
    enabled: !!edit && ready, placeholderData: keepPreviousData, retry: false,
  });

  const save = useApiMutation(
    (v: FormValues) => {
      const body = { name: v.name.trim(), unitKind: v.unitKind, peopleExposed: v.peopleExposed, recordNo: v.recordNo?.trim() || null,
        note: v.note?.trim() || null, chemicals: chemicalsBody(v.chemicals, chemicals) };
      return source ? api.patch<HazardSource>(PATHS.hazardSource(source.id), body) : api.post<HazardSource>(PATHS.hazardSources(enterpriseId), body);
    },
    {
      success: (s) => `已保存：${s.evaluation.identified ? `${s.evaluation.gradeLabel}重大危险源` : '不构成重大危险源'}`,
      invalidate: [PATHS.hazardSources(enterpriseId), PATHS.one(enterpriseId), PATHS.list, PATHS.changes(enterpriseId)],
      onSuccess: onClose,
    },
  );

  const initialValues: Partial<FormValues> = source ? {
    name: source.name, unitKind: source.unitKind as FormValues['unitKind'], peopleExposed: source.peopleExposed,
    recordNo: source.recordNo ?? undefined, note: source.note ?? undefined,
    chemicals: source.evaluation.terms.map((t) => ({ chemicalCode: t.chemicalCode ?? undefined, name: t.name, quantity: t.quantity })),
  } : { unitKind: 'storage', chemicals: [{}] };

  return (
    <Modal open={!!edit} title={source ? `修改危险源单元：${source.name}` : '登记危险源单元'} onCancel={onClose} destroyOnHidden
      width={{ xs: '100%', md: 760 }} okButtonProps={{ htmlType: 'submit', form: FORM_ID }} confirmLoading={save.isPending}
      okText="保存" cancelText="取消" styles={{ body: { maxHeight: '72vh', overflowY: 'auto', overflowX: 'hidden' } }}>
      <Form<FormValues> form={form} key={source?.id ?? 'new'} name={FORM_ID} layout="vertical" initialValues={initialValues}
        onFinish={(v) => save.mutate(v, { onError: (e) => showServerErrors(form, e, FIELDS) })}>
        <Row gutter={12}>
          <Col xs={24} md={14}>
            <Form.Item name="name" label="单元名称" rules={[{ required: true, whitespace: true, message: '请输入单元名称' }, { max: 100 }]}>
              <Input placeholder="如：液氨储罐区" />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name="unitKind" label="单元类型" rules={[{ required: true }]}>
              <Radio.Group optionType="button" options={UNIT_KIND_OPTIONS} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="peopleExposed" label="厂区边界外 500 米内常住人口" rules={[{ required: true, message: '请填写人数（用于确定 α）' }]}>
              <InputNumber min={0} max={1_000_000} precision={0} suffix="人" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="recordNo" label="备案编号" rules={[{ max: 60 }]}><Input /></Form.Item>
          </Col>
        </Row>
        <Typography.Text strong>危险化学品及实际存在量</Typography.Text>
        <div style={{ marginTop: 8 }}><ChemicalRows catalogue={chemicals} loading={catalogue.isPending} /></div>
        <Form.Item name="note" label="备注" rules={[{ max: 500 }]} style={{ marginTop: 16 }}><Input.TextArea rows={2} /></Form.Item>
      </Form>
      <Divider titlePlacement="start" plain>平台计算结果（保存前预览）</Divider>
      {!ready && <Typography.Text type="secondary">填写人口数和危险化学品存在量后，这里显示辨识和分级的计算过程。</Typography.Text>}
      {ready && preview.isError && <Alert type="warning" showIcon title="暂时无法计算" description={preview.error.message} />}
      {ready && preview.data && <HazardEvaluationView evaluation={preview.data} />}
    </Modal>
  );
}
