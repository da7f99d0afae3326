// Registers or edits a risk point: where (an enterprise or a public place), what could go wrong, the
// LEC/LS assessment, control measures and who is responsible at which level.
import { Button, Flex, Form, Input, Modal, Radio, Select } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { api } from '../../api/client';
import { useApiMutation } from '../../api/mutation';
import { useMe } from '../../app/session';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { EnterpriseSelect } from '../hazards/EnterpriseSelect';
import { RISK_POINTS, type RiskPoint } from '../hazards/hazardApi';
import type { RiskPointInput } from '../../../../contracts/hazards';
import { RiskMethodFields } from './RiskMethodFields';

/** null: closed; 'new': register; a RiskPoint: edit it. */
export type RiskPointEdit = RiskPoint | 'new' | null;

interface Values extends RiskPointInput { where: 'enterprise' | 'place' }

const RESPONSIBLE_LEVELS = ['公司级', '部门级', '车间级', '班组级', '岗位级'].map((v) => ({ value: v, label: v }));

function initial(edit: RiskPoint | null, enterpriseId?: string): Partial<Values> {
  if (!edit) return { where: 'enterprise', enterpriseId, method: 'LEC', inputs: {} as Values['inputs'], responsible: [{ level: '公司级', person: '' }] };
  return {
    where: edit.enterpriseId ? 'enterprise' : 'place', enterpriseId: edit.enterpriseId ?? undefined, regionCode: edit.regionCode,
    placeName: edit.placeName ?? undefined, name: edit.name, hazardDesc: edit.hazardDesc, method: edit.method,
    inputs: edit.inputs as Values['inputs'], controlMeasures: edit.controlMeasures ?? undefined, responsible: edit.responsible,
  };
}

/** The request body; `fixedEnterpriseId` is the enterprise when the form does not ask for one. */
function toBody({ where, ...v }: Values, fixedEnterpriseId: string | undefined): RiskPointInput {
  const body: RiskPointInput = { ...v, responsible: (v.responsible ?? []).filter((r) => r.person?.trim()) };
  if (where === 'place') delete body.enterpriseId;
  else {
    delete body.regionCode;
    if (fixedEnterpriseId) body.enterpriseId = fixedEnterpriseId;
  }
  if (!body.placeName) delete body.placeName;
  if (!body.controlMeasures) delete body.controlMeasures;
  return body;
}

export function RiskPointFormModal({ edit, onClose, enterpriseId }: { edit: RiskPointEdit; onClose: () => void; enterpriseId?: string }) {
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const record = edit && edit !== 'new' ? edit : null;
  const fixedId = enterpriseId ?? record?.enterpriseId ?? undefined;
  const fixedEnterprise = me.scope.kind === 'enterprise' || !!fixedId;
  const where = Form.useWatch('where', form);
  const save = useApiMutation((body: RiskPointInput) => (record ? api.put<RiskPoint>(`${RISK_POINTS}/${record.id}`, body) : api.post<RiskPoint>(RISK_POINTS, body)), {
    invalidate: [RISK_POINTS, '/api/enterprises'],
    success: (r) => `已保存「${r.name}」：${r.working}`,
    onSuccess: onClose,
  });

  return (
    <Modal open={!!edit} title={record ? `编辑风险点 · ${record.name}` : '登记风险点'} okText="保存并定级" cancelText="取消" width={640}
      confirmLoading={save.isPending} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden centered>
      <Form<Values> key={record?.id ?? 'new'} form={form} layout="vertical" initialValues={initial(record, enterpriseId)} onFinish={(v) => save.mutate(toBody(v, fixedId))}>
        {!fixedEnterprise && (
          <Form.Item name="where" label="所在">
            <Radio.Group optionType="button" options={[{ value: 'enterprise', label: '企业' }, { value: 'place', label: '公共场所' }]} />
          </Form.Item>
        )}
        {!fixedEnterprise && where !== 'place' && (
          <Form.Item name="enterpriseId" label="企业" rules={[{ required: true, message: '请选择企业' }]}><EnterpriseSelect /></Form.Item>
        )}
        {where === 'place' && <Form.Item name="regionCode" label="所在区划" rules={[{ required: true, message: '请选择区划' }]}><RegionTreeSelect /></Form.Item>}
        <Form.Item name="placeName" label={where === 'place' ? '地点名称' : '部位（选填）'} rules={where === 'place' ? [{ required: true, whitespace: true, message: '请填写地点' }] : []}>
          <Input maxLength={100} placeholder={where === 'place' ? '如：汨水河白塘段堤防' : '如：液氨储罐区'} />
        </Form.Item>
        <Form.Item name="name" label="风险点名称" rules={[{ required: true, whitespace: true, message: '请填写风险点名称' }, { min: 2, max: 100, message: '2–100 字' }]}>
          <Input placeholder="如：液氨储罐区" />
        </Form.Item>
        <Form.Item name="hazardDesc" label="危险因素及可能导致的事故" rules={[{ required: true, whitespace: true, message: '请描述危险因素' }, { min: 2, message: '至少 2 个字' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} placeholder="如：液氨泄漏，可能导致中毒窒息、火灾爆炸" />
        </Form.Item>
        <RiskMethodFields />
        <Form.Item name="controlMeasures" label="管控措施"><Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} /></Form.Item>
        <Form.Item label="管控责任（分级）">
          <Form.List name="responsible">
            {(fields, { add, remove }) => (
              <Flex vertical gap={8}>
                {fields.map((f) => (
                  <Flex key={f.key} gap={8} align="center">
                    <Form.Item name={[f.name, 'level']} noStyle><Select options={RESPONSIBLE_LEVELS} style={{ width: 110 }} /></Form.Item>
                    <Form.Item name={[f.name, 'person']} noStyle><Input placeholder="责任人" maxLength={30} /></Form.Item>
                    <MinusCircleOutlined aria-label="删除" onClick={() => remove(f.name)} />
                  </Flex>
                ))}
                {fields.length < 10 && <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ level: '班组级', person: '' })}>添加一级责任</Button>}
              </Flex>
            )}
          </Form.List>
        </Form.Item>
      </Form>
    </Modal>
  );
}
