// Picks certified officers (持执法证) by name, showing each one's 执法证号; at least `min` are required by the caller's form rule.
import { Select } from 'antd';
import { useOfficers } from './enforcementApi';

interface Props {
  id?: string;
  value?: string[];
  onChange?: (ids: string[]) => void;
  placeholder?: string;
}

export function OfficerSelect({ id, value, onChange, placeholder = '选择执法人员（至少两名）' }: Props) {
  const officers = useOfficers();
  return (
    <Select id={id} mode="multiple" value={value} onChange={onChange} placeholder={placeholder} size="large" style={{ width: '100%' }}
      loading={officers.isLoading} optionFilterProp="label" data-testid="officer-select"
      notFoundContent={officers.isError ? `无法加载执法人员：${officers.error.message}` : '没有持证执法人员'}
      options={(officers.data ?? []).map((o) => ({ value: o.id, label: `${o.name}（${o.certNo}）`, title: o.orgName ?? undefined }))} />
  );
}

/** Officers as a line: 许平（湘应执字…）、… */
export const officerLine = (officers: readonly { name: string; certNo: string }[]) => officers.map((o) => `${o.name}（${o.certNo}）`).join('、') || '—';
