// The form designer (报表设计): basics, period and due rule, reminders, obliged units, fields (add, reorder, rules)
// and checks between fields, with a live preview that judges the sample values exactly as the server will.
import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Col, Divider, Drawer, Flex, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { api } from '../../api/client';
import { useApiMutation } from '../../api/mutation';
import type { PageOf } from '../../api/types';
import type { Org } from '../../api/types';
import { SECTORS } from '../enforcement/enforcementApi';
import { ReturnFields } from './ReturnFields';
import { checkFormDefinition, FIELD_TYPES, FORMS, judgeValues, options, PERIOD_KINDS, UNIT_TYPES, type CheckDef, type FieldDef, type Form as FormT, type FormInput } from './returnsApi';

type Draft = Omit<FormInput, 'fields' | 'checks'> & { fields: (FieldDef & { nonNegative?: boolean })[]; checks: CheckDef[] };

const blank: Draft = { code: '', name: '', periodKind: 'monthly', dueDays: 5, remindBefore: [3, 1], remindAfter: [1, 3, 7], jumpPercent: 50,
  obliged: { orgKinds: ['town_station'] }, fields: [{ key: 'total', label: '合计', type: 'integer', unit: '起', required: true, min: 0 }], checks: [] };

const toDraft = (f?: FormT): Draft => (f ? { code: f.code, name: f.name, description: f.description ?? undefined, periodKind: f.periodKind as Draft['periodKind'], dueDays: f.dueDays,
  remindBefore: f.remindBefore, remindAfter: f.remindAfter, jumpPercent: f.jumpPercent, obliged: f.obliged, fields: f.fields, checks: f.checks } : blank);

export function FormDesigner({ form, onClose }: { form?: FormT; onClose: () => void }) {
  const [d, setD] = useState<Draft>(() => toDraft(form));
  const [sample, setSample] = useState<Record<string, unknown>>({});
  const orgs = useQuery({ queryKey: ['/api/orgs', 'returns'], queryFn: () => api.get<PageOf<Org>>('/api/orgs', { pageSize: 200 }) });
  const save = useApiMutation((v: Draft) => (form ? api.put<FormT>(`${FORMS}/${form.id}`, v) : api.post<FormT>(FORMS, v)),
    { invalidate: [FORMS], success: form ? '报表已保存（字段有改动且已有填报时生成新版本）' : '报表已保存为草稿，发布后各单位即可填报', onSuccess: onClose });
  const set = (patch: Partial<Draft>) => setD((x) => ({ ...x, ...patch }));
  const setField = (i: number, patch: Partial<FieldDef>) => set({ fields: d.fields.map((f, k) => (k === i ? { ...f, ...patch } : f)) });
  const move = (i: number, by: number) => { const f = [...d.fields]; const [x] = f.splice(i, 1); f.splice(i + by, 0, x); set({ fields: f }); };
  const problems = useMemo(() => checkFormDefinition(d.fields, d.checks), [d.fields, d.checks]);
  const judged = useMemo(() => judgeValues({ fields: d.fields, checks: d.checks, jumpPercent: d.jumpPercent ?? null }, sample, { complete: true }), [d, sample]);
  const numeric = d.fields.filter((f) => f.type === 'number' || f.type === 'integer').map((f) => ({ value: f.key, label: f.label || f.key }));

  return (
    <Drawer open width="min(1200px, 100vw)" title={form ? `修改报表：${form.name}` : '设计新报表'} onClose={onClose} destroyOnHidden
      extra={<Button type="primary" loading={save.isPending} disabled={problems.length > 0} onClick={() => save.mutate(d)}>保存</Button>}>
      <Row gutter={[24, 16]}>
        <Col xs={24} lg={14}>
          <Form layout="vertical">
            <Row gutter={12}>
              <Col xs={24} sm={8}><Form.Item label="报表代码" required extra="英文字母开头，如 FX-ZC"><Input aria-label="报表代码" value={d.code} onChange={(e) => set({ code: e.target.value.trim() })} /></Form.Item></Col>
              <Col xs={24} sm={16}><Form.Item label="报表名称" required><Input aria-label="报表名称" value={d.name} onChange={(e) => set({ name: e.target.value })} /></Form.Item></Col>
            </Row>
            <Form.Item label="说明"><Input.TextArea aria-label="说明" autoSize value={d.description} onChange={(e) => set({ description: e.target.value })} /></Form.Item>
            <Space wrap align="start">
              <Form.Item label="报送周期"><Select aria-label="报送周期" style={{ width: 160 }} value={d.periodKind} options={options(PERIOD_KINDS)} onChange={(v) => set({ periodKind: v })} /></Form.Item>
              <Form.Item label="截止：期末后第几天"><InputNumber aria-label="截止天数" min={0} max={365} value={d.dueDays} onChange={(v) => set({ dueDays: v ?? 0 })} addonAfter="天" /></Form.Item>
              <Form.Item label="环比变化超过（提醒核实）"><InputNumber aria-label="环比提醒" min={1} value={d.jumpPercent ?? undefined} onChange={(v) => set({ jumpPercent: v ?? null })} addonAfter="%" /></Form.Item>
            </Space>
            <Space wrap align="start">
              <Form.Item label="截止前提醒（天）"><Select aria-label="截止前提醒" mode="tags" style={{ minWidth: 160 }} value={(d.remindBefore ?? []).map(String)} onChange={(v: string[]) => set({ remindBefore: v.map(Number).filter((n) => n > 0) })} /></Form.Item>
              <Form.Item label="逾期后催报（天）"><Select aria-label="逾期后催报" mode="tags" style={{ minWidth: 160 }} value={(d.remindAfter ?? []).map(String)} onChange={(v: string[]) => set({ remindAfter: v.map(Number).filter((n) => n > 0) })} /></Form.Item>
            </Space>
            <Divider titlePlacement="start">填报单位</Divider>
            <Form.Item label="按单位类型"><Select aria-label="单位类型" mode="multiple" value={d.obliged.orgKinds ?? []} options={options(UNIT_TYPES.filter((u) => u.code !== 'enterprise'))}
              onChange={(v) => set({ obliged: { ...d.obliged, orgKinds: v } })} /></Form.Item>
            <Form.Item label="指定单位"><Select aria-label="指定单位" mode="multiple" optionFilterProp="label" value={d.obliged.orgIds ?? []}
              options={(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))} onChange={(v) => set({ obliged: { ...d.obliged, orgIds: v } })} /></Form.Item>
            <Form.Item label="某行业的企业"><Select aria-label="行业企业" mode="multiple" value={d.obliged.enterpriseSectors ?? []} options={SECTORS.map((s) => ({ value: s.code, label: s.label }))}
              onChange={(v) => set({ obliged: { ...d.obliged, enterpriseSectors: v } })} /></Form.Item>
            <Divider titlePlacement="start">字段</Divider>
            {d.fields.map((f, i) => (
              <Card key={i} size="small" style={{ marginBottom: 8 }} data-testid="designer-field">
                <Flex wrap gap={8} align="center">
                  <Input aria-label="字段名称" placeholder="名称" style={{ width: 160 }} value={f.label} onChange={(e) => setField(i, { label: e.target.value })} />
                  <Input aria-label="字段代码" placeholder="代码 a_b" style={{ width: 110 }} value={f.key} onChange={(e) => setField(i, { key: e.target.value.trim() })} />
                  <Select aria-label="字段类型" style={{ width: 90 }} value={f.type} options={options(FIELD_TYPES)} onChange={(v) => setField(i, { type: v })} />
                  {(f.type === 'number' || f.type === 'integer') && <>
                    <Input aria-label="单位" placeholder="单位" style={{ width: 70 }} value={f.unit} onChange={(e) => setField(i, { unit: e.target.value || undefined })} />
                    <Checkbox checked={f.min === 0} onChange={(e) => setField(i, { min: e.target.checked ? 0 : undefined })}>不得为负</Checkbox>
                    <InputNumber aria-label="最大值" placeholder="最大值" style={{ width: 100 }} value={f.max} onChange={(v) => setField(i, { max: v ?? undefined })} />
                  </>}
                  {f.type === 'choice' && <Select aria-label="选项" mode="tags" placeholder="选项" style={{ minWidth: 180 }} value={f.options ?? []} onChange={(v) => setField(i, { options: v })} />}
                  <Checkbox checked={!!f.required} onChange={(e) => setField(i, { required: e.target.checked })}>必填</Checkbox>
                  <Space size={2}>
                    <Button size="small" aria-label="上移" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, -1)} />
                    <Button size="small" aria-label="下移" icon={<ArrowDownOutlined />} disabled={i === d.fields.length - 1} onClick={() => move(i, 1)} />
                    <Button size="small" danger aria-label="删除字段" icon={<DeleteOutlined />} onClick={() => set({ fields: d.fields.filter((_, k) => k !== i), checks: [] })} />
                  </Space>
                </Flex>
              </Card>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => set({ fields: [...d.fields, { key: `f${d.fields.length + 1}`, label: '', type: 'integer', required: true, min: 0 }] })}>添加字段</Button>
            <Divider titlePlacement="start">校验规则</Divider>
            {d.checks.map((c, i) => (
              <Flex key={i} wrap gap={8} align="center" style={{ marginBottom: 8 }}>
                {c.kind === 'sum' ? <>
                  <Select aria-label="合计字段" style={{ width: 140 }} value={c.target} options={numeric} onChange={(v) => set({ checks: d.checks.map((x, k) => (k === i ? { ...c, target: v } : x)) })} />
                  <span>=</span>
                  <Select aria-label="相加字段" mode="multiple" style={{ minWidth: 220 }} value={c.parts} options={numeric} onChange={(v) => set({ checks: d.checks.map((x, k) => (k === i ? { ...c, parts: v } : x)) })} />
                </> : <>
                  <Select aria-label="较小字段" style={{ width: 140 }} value={c.left} options={numeric} onChange={(v) => set({ checks: d.checks.map((x, k) => (k === i ? { ...c, left: v } : x)) })} />
                  <span>≤</span>
                  <Select aria-label="较大字段" style={{ width: 140 }} value={c.right} options={numeric} onChange={(v) => set({ checks: d.checks.map((x, k) => (k === i ? { ...c, right: v } : x)) })} />
                </>}
                <Button size="small" danger icon={<DeleteOutlined />} aria-label="删除规则" onClick={() => set({ checks: d.checks.filter((_, k) => k !== i) })} />
              </Flex>
            ))}
            <Space wrap>
              <Button disabled={numeric.length < 3} onClick={() => set({ checks: [...d.checks, { kind: 'sum', target: numeric.at(-1)!.value, parts: numeric.slice(0, -1).map((x) => x.value) }] })}>添加合计校验（合计 = 各项之和）</Button>
              <Button disabled={numeric.length < 2} onClick={() => set({ checks: [...d.checks, { kind: 'lte', left: numeric[1].value, right: numeric[0].value }] })}>添加比较校验（甲 ≤ 乙）</Button>
            </Space>
            {problems.length > 0 && <Alert style={{ marginTop: 12 }} type="error" showIcon title="报表定义有问题" description={problems.join('；')} />}
          </Form>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title="填报预览" extra={<Typography.Text type="secondary">输入示例数字即时校验</Typography.Text>} data-testid="designer-preview">
            <ReturnFields fields={d.fields.filter((f) => f.key && f.label)} values={sample} onChange={setSample} issues={Object.keys(sample).length ? judged : undefined} />
          </Card>
        </Col>
      </Row>
    </Drawer>
  );
}
