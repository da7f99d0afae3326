// The filter row above a list: search boxes, selects, segmented choices and date ranges, bound to the URL.
import { DatePicker, Input, Segmented, Select } from 'antd';
import dayjs from 'dayjs';

export type FilterDef =
  | { kind: 'search'; name: string; placeholder: string; width?: number }
  | { kind: 'select'; name: string; placeholder: string; options: { label: string; value: string }[]; width?: number }
  | { kind: 'segmented'; name: string; options: { label: string; value: string }[] }
  | { kind: 'dateRange'; from: string; to: string };

/** The URL parameter names a filter reads and writes. */
export function filterNames(defs: readonly FilterDef[]): string[] {
  return defs.flatMap((def) => (def.kind === 'dateRange' ? [def.from, def.to] : [def.name]));
}

interface Props {
  defs: readonly FilterDef[];
  values: Record<string, string>;
  onChange: (changes: Record<string, string | undefined>) => void;
}

export function FilterControl({ def, values, onChange }: { def: FilterDef } & Omit<Props, 'defs'>) {
  switch (def.kind) {
    case 'search':
      return (
        <Input.Search key={values[def.name] ?? ''} defaultValue={values[def.name]} placeholder={def.placeholder} allowClear
          style={{ width: def.width ?? 220 }} onSearch={(value) => onChange({ [def.name]: value.trim() || undefined })} />
      );
    case 'select':
      return (
        <Select value={values[def.name]} placeholder={def.placeholder} options={def.options} allowClear
          style={{ width: def.width ?? 160 }} onChange={(value?: string) => onChange({ [def.name]: value })} />
      );
    case 'segmented':
      return (
        <Segmented value={values[def.name] ?? ''} options={def.options}
          onChange={(value) => onChange({ [def.name]: String(value) || undefined })} />
      );
    case 'dateRange': {
      const from = values[def.from];
      const to = values[def.to];
      return (
        <DatePicker.RangePicker value={[from ? dayjs(from) : null, to ? dayjs(to) : null]} allowEmpty={[true, true]}
          onChange={(range) => onChange({ [def.from]: range?.[0]?.format('YYYY-MM-DD'), [def.to]: range?.[1]?.format('YYYY-MM-DD') })} />
      );
    }
  }
}
