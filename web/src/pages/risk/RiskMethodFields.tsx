// The assessment part of a risk point's form: LEC or LS, each factor chosen with its meaning, and the
// resulting score, colour and working shown as the values are picked.
import { Alert, Flex, Form, Radio, Select, Typography } from 'antd';
import { RiskTag } from '../hazards/HazardTags';
import { LEC_OPTIONS, LS_OPTIONS, lecMeaning, previewGrade, useRiskBands, type Method } from './riskRules';

const factorSelect = (table: { name: string; options: { value: number; meaning: string }[] }, key: string) => (
  <Form.Item key={key} name={['inputs', key]} label={table.name} rules={[{ required: true, message: `请选择 ${key} 值` }]}>
    <Select size="large" placeholder={`选择 ${key} 值`} popupMatchSelectWidth={false}
      options={table.options.map((o) => ({ value: o.value, label: `${o.value} — ${o.meaning}` }))} />
  </Form.Item>
);

export function RiskMethodFields() {
  const form = Form.useFormInstance();
  const method: Method = Form.useWatch('method', form) ?? 'LEC';
  const inputs = Form.useWatch('inputs', form) ?? {};
  const bands = useRiskBands();
  const grade = previewGrade(method, inputs, bands[method]);
  const table = method === 'LEC' ? LEC_OPTIONS : LS_OPTIONS;

  return (
    <>
      <Form.Item name="method" label="评价方法">
        <Radio.Group optionType="button" buttonStyle="solid" onChange={() => form.setFieldValue('inputs', {})}
          options={[{ value: 'LEC', label: 'LEC 作业条件危险性' }, { value: 'LS', label: 'LS 风险矩阵' }]} />
      </Form.Item>
      {Object.entries(table).map(([key, t]) => factorSelect(t, key))}
      <Alert type={grade ? 'info' : 'warning'} showIcon={!grade} data-testid="risk-preview" style={{ marginBottom: 16 }}
        title={grade ? (
          <Flex wrap gap={8} align="center">
            <Typography.Text strong>{grade.working}</Typography.Text>
            <RiskTag level={grade.level} />
            {method === 'LEC' && <Typography.Text type="secondary">{lecMeaning(grade.score)}</Typography.Text>}
          </Flex>
        ) : '选齐各项后显示分值和风险等级'}
        description={`分级界限（现行规则）：${method === 'LEC'
          ? `D > ${bands.LEC.red} 红，> ${bands.LEC.orange} 橙，> ${bands.LEC.yellow} 黄，其余蓝`
          : `R ≥ ${bands.LS.red} 红，≥ ${bands.LS.orange} 橙，≥ ${bands.LS.yellow} 黄，其余蓝`}；保存时由系统按现行规则定级。`} />
    </>
  );
}
