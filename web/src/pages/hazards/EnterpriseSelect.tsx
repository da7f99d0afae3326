// Picks an enterprise by searching its name or credit code (GET /api/enterprises?q=), for accounts above enterprises.
import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { api } from '../../api/client';
import type { PageOf } from '../../api/types';
import type { EnterpriseListItem } from '../../../../contracts/enterprises';

export type EnterpriseBrief = Pick<EnterpriseListItem, 'id' | 'name' | 'regionCode' | 'regionName' | 'townName' | 'sector'>;

interface Props {
  id?: string;
  value?: string;
  onChange?: (id: string | undefined) => void;
  /** The chosen enterprise's record, e.g. to default the sector. */
  onPick?: (enterprise: EnterpriseBrief | undefined) => void;
}

export function EnterpriseSelect({ id, value, onChange, onPick }: Props) {
  const [q, setQ] = useState('');
  const params = { q: q.trim() || undefined, page: 1, pageSize: 20 };
  const list = useQuery({
    queryKey: ['/api/enterprises', params],
    queryFn: () => api.get<PageOf<EnterpriseListItem>>('/api/enterprises', params),
    placeholderData: keepPreviousData,
  });
  // The chosen one stays an option while another search is typed, so its name keeps showing.
  const [picked, setPicked] = useState<EnterpriseListItem>();
  const found = list.data?.items ?? [];
  // A value given from outside (a link's ?enterpriseId=) is looked up once for its name.
  const missing = !!value && picked?.id !== value && !found.some((e) => e.id === value);
  const one = useQuery({ queryKey: ['/api/enterprises', value], queryFn: () => api.get<EnterpriseListItem>(`/api/enterprises/${value}`), enabled: missing });
  const known = picked?.id === value ? picked : one.data?.id === value ? one.data : undefined;
  const items = known && !found.some((e) => e.id === known.id) ? [known, ...found] : found;
  return (
    <Select id={id} value={value} placeholder="输入企业名称或统一社会信用代码搜索" allowClear size="large" style={{ width: '100%' }}
      showSearch={{ filterOption: false, onSearch: setQ }} loading={list.isFetching}
      notFoundContent={list.isError ? `无法加载企业：${list.error.message}` : q ? '没有找到该企业' : '输入名称搜索'}
      options={items.map((e) => ({ value: e.id, label: e.name, title: [e.townName ?? e.regionName, e.name].filter(Boolean).join(' · ') }))}
      optionRender={(o) => {
        const e = items.find((x) => x.id === o.value);
        return <span>{o.label}<span style={{ color: '#999', marginLeft: 8, fontSize: 12 }}>{e?.townName ?? e?.regionName ?? ''}</span></span>;
      }}
      onChange={(next?: string) => {
        const e = items.find((x) => x.id === next);
        setPicked(e);
        onChange?.(next);
        onPick?.(e);
      }} />
  );
}
