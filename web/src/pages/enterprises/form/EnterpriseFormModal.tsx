// Creates an enterprise or edits one (by id: the full record is loaded first). A refusal about a field
// (a wrong credit-code character, a bad phone) is shown on that field as well as in a message.
import { useQuery } from '@tanstack/react-query';
import { Alert, Form, Modal, Spin } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/mutation';
import { enterpriseQuery, PATHS, type Enterprise, type EnterpriseCreate } from '../api';
import { EnterpriseFields } from './EnterpriseFields';
import { showServerErrors } from './serverErrors';

/** `null`: closed; `'new'`: create; an id: edit that enterprise. */
export type EnterpriseEdit = string | 'new' | null;

type FormValues = Omit<EnterpriseCreate, 'establishedOn'> & { establishedOn?: Dayjs | null };

const FORM_ID = 'enterprise-form';
const FIELD_NAMES = [
  'name', 'creditCode', 'formerNames', 'regionCode', 'address', 'lng', 'lat', 'employees', 'scale', 'establishedOn', 'regulatorId',
  'isKey', 'standardGrade', 'industryCode', 'sector', 'sectorDetail', 'subtype', 'flags', 'riskLevel', 'riskLevelSource',
  'legalRepresentative', 'legalRepresentativePhone', 'principalName', 'principalPhone', 'safetyManagerName', 'safetyManagerPhone',
] as const;

function toForm(e: Enterprise): FormValues {
  const values = Object.fromEntries(FIELD_NAMES.map((k) => [k, (e as Record<string, unknown>)[k] ?? undefined])) as FormValues;
  return { ...values, establishedOn: e.establishedOn ? dayjs(e.establishedOn) : undefined };
}

/** The body the API takes: a cleared field is sent as null so that it is cleared on the server too. */
function toBody(v: FormValues): EnterpriseCreate {
  const body = Object.fromEntries(FIELD_NAMES.map((k) => {
    const value = (v as Record<string, unknown>)[k];
    return [k, value === undefined || value === '' ? null : value];
  })) as Record<string, unknown>;
  return {
    ...body, formerNames: v.formerNames ?? [], flags: v.flags ?? [], isKey: v.isKey ?? false,
    establishedOn: v.establishedOn ? v.establishedOn.format('YYYY-MM-DD') : null,
  } as EnterpriseCreate;
}

export function EnterpriseFormModal({ edit, onClose }: { edit: EnterpriseEdit; onClose: () => void }) {
  const id = edit && edit !== 'new' ? edit : null;
  const [form] = Form.useForm<FormValues>();
  const navigate = useNavigate();
  const loaded = useQuery({ ...enterpriseQuery(id ?? ''), enabled: !!id });
  const enterprise = id ? loaded.data : undefined;
  const save = useApiMutation(
    (values: FormValues) => id
      ? api.patch<Enterprise>(PATHS.one(id), toBody(values))
      : api.post<Enterprise>(PATHS.list, toBody(values)),
    {
      success: id ? '已保存' : '企业已创建',
      invalidate: [PATHS.list, ...(id ? [PATHS.one(id)] : [])],
      onSuccess: (saved) => { onClose(); if (!id) navigate(`/enterprises/${saved.id}`); },
    },
  );
  const ready = !id || !!enterprise;

  return (
    <Modal open={!!edit} title={id ? `编辑「${enterprise?.name ?? '企业档案'}」` : '新建企业'} onCancel={onClose} width={{ xs: '100%', md: 880 }}
      okButtonProps={{ htmlType: 'submit', form: FORM_ID, disabled: !ready }} confirmLoading={save.isPending}
      okText="保存" cancelText="取消" destroyOnHidden styles={{ body: { maxHeight: '70vh', overflowY: 'auto', overflowX: 'hidden' } }}>
      {id && loaded.isError && <Alert type="error" showIcon title="企业档案加载失败" description={loaded.error.message} />}
      {!ready && !loaded.isError && <Spin style={{ display: 'block', padding: 48 }} />}
      {ready && (
        <Form<FormValues> form={form} key={id ?? 'new'} name={FORM_ID} layout="vertical" scrollToFirstError
          initialValues={enterprise ? toForm(enterprise) : { isKey: false, flags: [], formerNames: [] }}
          onValuesChange={(changed) => { if ('sector' in changed) form.setFieldValue('sectorDetail', undefined); }}
          onFinish={(values) => save.mutate(values, { onError: (e) => showServerErrors(form, e, FIELD_NAMES) })}>
          <EnterpriseFields />
        </Form>
      )}
    </Modal>
  );
}
