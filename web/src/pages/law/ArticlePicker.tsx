// ArticlePicker: choose an article by typing its citation (安全生产法第九十九条, 第99条) or words; shows number and version.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { api } from '../../api/client';
import type { PageOf } from '../../api/types';
import { ARTICLES, type Article } from './lawApi';

interface Props {
  value?: string | null;
  onChange?: (id: string | undefined, article?: Article) => void;
  /** Only the version in force on this day (default today); allVersions lists every version. */
  on?: string;
  allVersions?: boolean;
  placeholder?: string;
  style?: React.CSSProperties;
}

export function ArticlePicker({ value, onChange, on, allVersions, placeholder = '输入“安全生产法第九十九条”或关键词', style }: Props) {
  const [q, setQ] = useState('');
  const found = useQuery({ queryKey: [ARTICLES, 'pick', q, on, allVersions], enabled: q.trim().length > 0,
    queryFn: () => api.get<PageOf<Article>>(ARTICLES, { q, on, allVersions, pageSize: 20 }) });
  const current = useQuery({ queryKey: [ARTICLES, value], enabled: !!value && !found.data?.items.some((a) => a.id === value),
    queryFn: () => api.get<Article>(`${ARTICLES}/${value}`) });
  const items = [...(found.data?.items ?? []), ...(current.data && !found.data?.items.some((a) => a.id === current.data.id) ? [current.data] : [])];
  return (
    <Select showSearch={{ filterOption: false, onSearch: setQ }} allowClear value={value ?? undefined} placeholder={placeholder} style={{ minWidth: 260, ...style }}
      loading={found.isFetching} notFoundContent={q ? '没有找到条文，换个说法试试' : '输入后搜索'}
      onChange={(id?: string) => onChange?.(id, items.find((a) => a.id === id))}
      options={items.map((a) => ({ value: a.id, label: `《${a.source}》${a.label}（${a.version}）`, title: a.text }))} />
  );
}
