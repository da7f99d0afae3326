// Picks an active organisation by name. A county has well under 200 organisations, so one page holds them all.
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { api } from '../api/client';
import type { Org, PageOf } from '../api/types';

const ALL_ORGS = { page: 1, pageSize: 200 };

interface Props {
  /** Set by Form.Item, so that its label points at this control. */
  id?: string;
  value?: string | null;
  onChange?: (id: string | undefined) => void;
  placeholder?: string;
  /** An organisation that may not be chosen (itself, when picking a parent). */
  exclude?: string;
}

export function OrgSelect({ id, value, onChange, placeholder = '选择组织机构', exclude }: Props) {
  const orgs = useQuery({ queryKey: ['/api/orgs', ALL_ORGS], queryFn: () => api.get<PageOf<Org>>('/api/orgs', ALL_ORGS) });
  const options = (orgs.data?.items ?? [])
    // A disabled organisation stays shown only where it is already chosen.
    .filter((org) => org.id !== exclude && (!org.disabled || org.id === value))
    .map((org) => ({ value: org.id, label: org.name }));
  return (
    <Select id={id} value={value ?? undefined} onChange={onChange} placeholder={placeholder} options={options} loading={orgs.isPending}
      showSearch={{ optionFilterProp: 'label' }} allowClear style={{ width: '100%' }} />
  );
}
