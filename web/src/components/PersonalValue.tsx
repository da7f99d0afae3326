// A phone or identity number as the server sends it in lists and details: masked (138****1234). A role that may see the
// full value (personal:phone / personal:id) gets a 查看 button that reveals it through POST /api/personal/reveal — each
// click is audited on the server as 查看敏感信息 — and a revealed phone becomes a tel: link.
import { EyeOutlined } from '@ant-design/icons';
import { App, Button, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { api } from '../api/client';
import { useMe } from '../app/session';
import { PhoneLink } from './PhoneLink';

type Kind = 'phone' | 'idNumber';
const PERMISSION: Record<Kind, string> = { phone: 'personal:phone', idNumber: 'personal:id' };
const LABEL: Record<Kind, string> = { phone: '电话号码', idNumber: '身份证号' };

export interface PersonalValueProps {
  /** The value as the list or detail gave it (masked, or empty). */
  value: string | null | undefined;
  /** What the record is (the server's reveal entity, e.g. enterprise, disaster_informant) and its id. */
  entity: string;
  id: string;
  /** The record's field holding the value, e.g. principalPhone. */
  field: string;
  kind?: Kind;
}

export function PersonalValue({ value, entity, id, field, kind = 'phone' }: PersonalValueProps) {
  const { message } = App.useApp();
  const mayReveal = useMe().permissions.includes(PERMISSION[kind]);
  const [full, setFull] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  if (!value) return <span>—</span>;
  const shown = full ?? value;
  const masked = shown.includes('*');
  const reveal = async () => {
    setLoading(true);
    try {
      const r = await api.post<{ value: string | null }>('/api/personal/reveal', { entity, id, field });
      setFull(r.value ?? '');
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setLoading(false);
    }
  };
  // Clicks stay here: lists often open a record when its row is clicked.
  return (
    <span onClick={(e) => e.stopPropagation()}><Space size={4} style={{ whiteSpace: 'nowrap' }}>
      {kind === 'phone' && !masked ? <PhoneLink phone={shown} /> : <span data-masked={masked || undefined}>{shown}</span>}
      {masked && mayReveal && (
        <Tooltip title={`查看完整${LABEL[kind]}（将记录查看日志）`}>
          <Button type="link" size="small" icon={<EyeOutlined />} loading={loading} onClick={reveal} style={{ padding: 0, height: 'auto' }}
            aria-label={`查看完整${LABEL[kind]}`}>查看</Button>
        </Tooltip>
      )}
    </Space></span>
  );
}

/**
 * A form rule for a phone field prefilled with the masked value it was shown: left alone it is sent back as is and the
 * server keeps the stored number; anything else must match `pattern`.
 */
export const phoneRule = (pattern: RegExp, message: string) => ({
  validator: (_: unknown, v?: string | null) => (!v || v.includes('*') || pattern.test(v) ? Promise.resolve() : Promise.reject(new Error(message))),
});
