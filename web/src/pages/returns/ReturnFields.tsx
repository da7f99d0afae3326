// The fields of a return form as inputs (a phone-sized screen gets one column), with each field's refusal or
// jump warning under it. Used to fill a return and as the designer's live preview.
import { DatePicker, Form, Input, InputNumber, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import type { FieldDef } from './returnsApi';

export interface Issues { errors: { field: string; message: string }[]; warnings: { field: string; message: string }[] }

interface Props {
  fields: FieldDef[];
  values: Record<string, unknown>;
  onChange?: (values: Record<string, unknown>) => void;
  issues?: Issues;
  previous?: Record<string, unknown> | null;
  disabled?: boolean;
}

export function ReturnFields({ fields, values, onChange, issues, previous, disabled }: Props) {
  const set = (key: string, v: unknown) => onChange?.({ ...values, [key]: v === null || v === '' ? undefined : v });
  return (
    <Form layout="vertical" disabled={disabled} data-testid="return-fields">
      {fields.map((f) => {
        const err = issues?.errors.filter((e) => e.field === f.key).map((e) => e.message).join('；');
        const warn = issues?.warnings.filter((e) => e.field === f.key).map((e) => e.message).join('；');
        const prev = previous?.[f.key];
        const extra = [f.help, prev !== undefined && prev !== null ? `上期：${String(prev)}${f.unit ?? ''}` : null].filter(Boolean).join('　');
        return (
          <Form.Item key={f.key} label={f.label} required={f.required} validateStatus={err ? 'error' : warn ? 'warning' : undefined}
            help={err || warn || undefined} extra={extra || undefined}>
            {f.type === 'number' || f.type === 'integer' ? (
              <InputNumber aria-label={f.label} style={{ width: '100%', maxWidth: 320 }} value={values[f.key] as number | undefined}
                precision={f.type === 'integer' ? 0 : undefined} addonAfter={f.unit || undefined} inputMode="decimal" onChange={(v) => set(f.key, v)} />
            ) : f.type === 'choice' ? (
              <Select aria-label={f.label} style={{ width: '100%', maxWidth: 320 }} allowClear value={values[f.key] as string | undefined}
                options={(f.options ?? []).map((o) => ({ value: o, label: o }))} onChange={(v) => set(f.key, v)} />
            ) : f.type === 'date' ? (
              <DatePicker aria-label={f.label} value={values[f.key] ? dayjs(String(values[f.key])) : null} onChange={(d) => set(f.key, d?.format('YYYY-MM-DD'))} />
            ) : (
              <Input.TextArea aria-label={f.label} autoSize={{ minRows: 1, maxRows: 6 }} value={(values[f.key] as string | undefined) ?? ''} onChange={(e) => set(f.key, e.target.value)} />
            )}
          </Form.Item>
        );
      })}
      {!fields.length && <Typography.Text type="secondary">还没有字段：在左侧添加字段后，这里即时显示填报效果。</Typography.Text>}
    </Form>
  );
}
