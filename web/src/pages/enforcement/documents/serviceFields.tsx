// The 送达 form shared by a document's 登记送达 and a case's 送达决定书: method, time, recipient, refusal (留置 needs a
// witness), the signed receipt or a photo of it, and how the body is built for /service and /serve.
import { DatePicker, Input, Select } from 'antd';
import type dayjs from 'dayjs';
import { PhotoUpload } from '../../hazards/PhotoUpload';
import type { Field } from '../ActionModal';
import { SERVICE_METHODS, optionsOf } from '../enforcementApi';

export const serviceFields = (enterpriseId?: string | null): Field[] => [
  { name: 'method', label: '送达方式', required: true, input: <Select options={optionsOf(SERVICE_METHODS)} data-testid="service-method" />,
    extra: '直接送达须有签收回执照片或写明拒签情况；留置送达须写明拒收事由并有见证人；公告送达请在备注写明公告载体和日期。' },
  { name: 'servedAt', label: '送达时间', input: <DatePicker showTime style={{ width: '100%' }} placeholder="不填为现在" /> },
  { name: 'recipient', label: '受送达人', required: true, input: <Input placeholder="签收人姓名或单位" /> },
  { name: 'refusalNote', label: '拒签、拒收情况', input: <Input.TextArea rows={2} /> },
  { name: 'witness', label: '见证人', input: <Input placeholder="留置送达时填写见证人姓名、单位" /> },
  { name: 'photos', label: '送达回执或现场照片', input: <PhotoUpload max={1} enterpriseId={enterpriseId} testId="service-photo" /> },
  { name: 'note', label: '备注', input: <Input.TextArea rows={2} /> },
];

/** Form values → ServiceInput. */
export const serviceBody = (v: Record<string, unknown>) => {
  const { photos, servedAt, ...rest } = v as { photos?: string[]; servedAt?: dayjs.Dayjs } & Record<string, unknown>;
  return { ...rest, ...(servedAt ? { servedAt: servedAt.toISOString() } : {}), ...(photos?.length ? { signatureFileId: photos[0] } : {}) };
};
