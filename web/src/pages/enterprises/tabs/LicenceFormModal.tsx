// Registers a licence or certificate of an enterprise, or corrects one (e.g. after renewal, the new expiry).
import { Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/mutation';
import { PATHS, type Licence } from '../api';
import { LICENCE_KIND_OPTIONS } from '../codes';
import { showServerErrors } from '../form/serverErrors';
import { ScanField } from './ScanField';

/** `null`: closed; `'new'`: register; a Licence: edit it. */
export type LicenceEdit = Licence | 'new' | null;

interface FormValues {
  kind: string;
  number: string;
  issuer?: string;
  issuedOn?: Dayjs | null;
  expiresOn?: Dayjs | null;
  note?: string;
  fileId?: string | null;
}

const FORM_ID = 'licence-form';
const FIELDS = ['kind', 'number', 'issuer', 'issuedOn', 'expiresOn', 'note', 'fileId'];
const day = (d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null);

export function LicenceFormModal({ enterpriseId, edit, onClose }: { enterpriseId: string; edit: LicenceEdit; onClose: () => void }) {
  const [form] = Form.useForm<FormValues>();
  const licence = edit && edit !== 'new' ? edit : null;
  const save = useApiMutation(
    (v: FormValues) => {
      const body = { kind: v.kind, number: v.number.trim(), issuer: v.issuer?.trim() || null, issuedOn: day(v.issuedOn),
        expiresOn: day(v.expiresOn), note: v.note?.trim() || null, fileId: v.fileId ?? null };
      return licence ? api.patch<Licence>(PATHS.licence(licence.id), body) : api.post<Licence>(PATHS.licences(enterpriseId), body);
    },
    {
      success: licence ? '证照已保存' : '证照已登记',
      // '/api/files': a scan uploaded here is one of the enterprise's 附件 too.
      invalidate: [PATHS.licences(enterpriseId), PATHS.one(enterpriseId), PATHS.list, PATHS.changes(enterpriseId), '/api/files'],
      onSuccess: onClose,
    },
  );
  const initialValues: Partial<FormValues> = licence ? {
    kind: licence.kind, number: licence.number, issuer: licence.issuer ?? undefined, note: licence.note ?? undefined, fileId: licence.fileId,
    issuedOn: licence.issuedOn ? dayjs(licence.issuedOn) : null, expiresOn: licence.expiresOn ? dayjs(licence.expiresOn) : null,
  } : {};

  return (
    <Modal open={!!edit} title={licence ? '修改证照' : '登记证照'} onCancel={onClose} destroyOnHidden
      okButtonProps={{ htmlType: 'submit', form: FORM_ID }} confirmLoading={save.isPending} okText="保存" cancelText="取消">
      <Form<FormValues> form={form} key={licence?.id ?? 'new'} name={FORM_ID} layout="vertical" initialValues={initialValues}
        onFinish={(v) => save.mutate(v, { onError: (e) => showServerErrors(form, e, FIELDS) })}>
        <Form.Item name="kind" label="证照类型" rules={[{ required: true, message: '请选择证照类型' }]}>
          <Select options={LICENCE_KIND_OPTIONS} placeholder="选择证照类型" showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item name="number" label="证照编号" rules={[{ required: true, whitespace: true, message: '请输入证照编号' }, { max: 60 }]}>
          <Input placeholder="如：（湘）WH安许证字〔2026〕0012" />
        </Form.Item>
        <Form.Item name="issuer" label="发证机关" rules={[{ max: 100 }]}><Input /></Form.Item>
        <Row gutter={12}>
          <Col span={12}><Form.Item name="issuedOn" label="发证日期"><DatePicker style={{ width: '100%' }} /></Form.Item></Col>
          <Col span={12}>
            <Form.Item name="expiresOn" label="有效期至" extra="不填为长期有效；到期前 90、30、7 天提醒企业和主管部门">
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="fileId" label="证照扫描件"><ScanField enterpriseId={enterpriseId} /></Form.Item>
        <Form.Item name="note" label="备注" rules={[{ max: 200 }]}><Input.TextArea rows={2} /></Form.Item>
      </Form>
    </Modal>
  );
}
