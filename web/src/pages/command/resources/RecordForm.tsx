// 登记 / 修改 a record of a register: one modal form driven by a list of field definitions, sending only what changed
// on edit. The server's Chinese message is shown when it refuses.
import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Col, Form, Input, InputNumber, Modal, Row, Select, Switch } from 'antd';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/mutation';
import type { PageOf } from '../../../api/types';
import { OrgSelect } from '../../../components/OrgSelect';
import { RegionTreeSelect } from '../../../components/RegionTreeSelect';
import { PATHS, type Team } from './api';
import { phoneRule } from '../../../components/PersonalValue';

export type Field =
  | { name: string; label: string; kind: 'text' | 'textarea' | 'phone' | 'region' | 'org' | 'team' | 'tags' | 'switch'; required?: boolean; half?: boolean }
  | { name: string; label: string; kind: 'number'; min?: number; max?: number; required?: boolean; half?: boolean }
  | { name: string; label: string; kind: 'select'; options: { value: string; label: string }[]; required?: boolean; half?: boolean };

const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/;

function TeamSelect(props: { id?: string; value?: string | null; onChange?: (v: string | undefined) => void }) {
  const params = { page: 1, pageSize: 200 };
  const teams = useQuery({ queryKey: [PATHS.teams, params], queryFn: () => api.get<PageOf<Team>>(PATHS.teams, params) });
  return <Select {...props} value={props.value ?? undefined} allowClear placeholder="选择救援队伍" showSearch={{ optionFilterProp: 'label' }} loading={teams.isPending}
    options={(teams.data?.items ?? []).map((t) => ({ value: t.id, label: t.name }))} />;
}

function control(f: Field) {
  switch (f.kind) {
    case 'textarea': return <Input.TextArea rows={2} maxLength={500} showCount />;
    case 'number': return <InputNumber min={f.min} max={f.max} style={{ width: '100%' }} />;
    case 'select': return <Select options={f.options} allowClear={!f.required} placeholder="请选择" />;
    case 'tags': return <Select mode="tags" tokenSeparators={['、', ',', '，']} placeholder="输入后回车，可填多个" />;
    case 'region': return <RegionTreeSelect />;
    case 'org': return <OrgSelect />;
    case 'team': return <TeamSelect />;
    case 'switch': return <Switch checkedChildren="是" unCheckedChildren="否" />;
    default: return <Input maxLength={f.kind === 'phone' ? 20 : 100} />;
  }
}

interface Props<T> {
  open: boolean;
  onClose: () => void;
  /** e.g. 救援队伍 */
  what: string;
  path: string;
  fields: Field[];
  /** The record being edited; absent to register a new one. */
  record?: T | null;
  defaults?: Record<string, unknown>;
}

export function RecordForm<T extends { id: string }>({ open, onClose, what, path, fields, record, defaults }: Props<T>) {
  const [form] = Form.useForm();
  useEffect(() => {
    if (open) { form.resetFields(); form.setFieldsValue(record ?? defaults ?? {}); }
  }, [open, record, defaults, form]);
  const save = useApiMutation((body: Record<string, unknown>) => (record ? api.patch(`${path}/${record.id}`, body) : api.post(path, body)), {
    success: record ? `已保存${what}` : `已登记${what}`, invalidate: [path], onSuccess: onClose,
  });
  async function submit() {
    const values = await form.validateFields();
    const body: Record<string, unknown> = {};
    for (const f of fields) {
      const v = values[f.name];
      const before = record ? (record as Record<string, unknown>)[f.name] : undefined;
      if (record && JSON.stringify(v ?? null) === JSON.stringify(before ?? null)) continue;
      body[f.name] = v === '' || v === undefined ? (record ? null : undefined) : v;
    }
    save.mutate(body);
  }
  return (
    <Modal open={open} title={record ? `修改${what}` : `登记${what}`} onCancel={onClose} onOk={submit} okText="保存" confirmLoading={save.isPending}
      width={{ xs: '100%', md: 760 }} destroyOnHidden>
      <Form form={form} layout="vertical" requiredMark>
        <Row gutter={12}>
          {fields.map((f) => (
            <Col key={f.name} xs={24} md={f.half === false || f.kind === 'textarea' ? 24 : 12}>
              <Form.Item name={f.name} label={f.label} valuePropName={f.kind === 'switch' ? 'checked' : 'value'}
                rules={[...(f.required ? [{ required: true, message: `请填写${f.label}` }] : []), ...(f.kind === 'phone' ? [phoneRule(PHONE, '请填写手机号或固话（如 0730-5212345）')] : [])]}>
                {control(f)}
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Form>
    </Modal>
  );
}

/** The place fields every located register shares. */
export const PLACE_FIELDS: Field[] = [
  { name: 'regionCode', label: '所在区划', kind: 'region', required: true },
  { name: 'address', label: '地址', kind: 'text' },
  { name: 'lng', label: '经度', kind: 'number', min: 73, max: 136 },
  { name: 'lat', label: '纬度', kind: 'number', min: 3, max: 54 },
];
