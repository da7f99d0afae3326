// The chemicals of a hazard unit: a substance from the GB 18218 catalogue (表1 by name or CAS), or a
// substance not listed there by its hazard category (表2/表4) and its own name; and the quantity held.
import { Button, Col, Form, InputNumber, Input, Row, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Chemical } from '../api';

export interface ChemicalRow { chemicalCode?: string; name?: string; quantity?: number }

function options(catalogue: Chemical[]) {
  const of = (kind: Chemical['kind']) => catalogue.filter((c) => c.kind === kind).map((c) => ({
    value: c.code, label: c.cas ? `${c.name}（${c.cas}）` : `${c.name}`, search: `${c.name} ${c.cas ?? ''} ${c.code}`,
  }));
  return [
    { label: '表 1 列名的危险化学品', title: 'listed', options: of('listed') },
    { label: '未列名物质：按危险性类别（表 2）', title: 'category', options: of('category') },
  ];
}

export function ChemicalRows({ catalogue, loading }: { catalogue: Chemical[]; loading: boolean }) {
  const byCode = new Map(catalogue.map((c) => [c.code, c]));
  return (
    <Form.List name="chemicals" rules={[{ validator: async (_, rows?: unknown[]) => { if (!rows?.length) throw new Error('至少填写一种危险化学品'); } }]}>
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field) => (
            <Row gutter={8} key={field.key} align="top" wrap={false}>
              <Col flex="auto" style={{ minWidth: 0 }}>
                <Form.Item name={[field.name, 'chemicalCode']} rules={[{ required: true, message: '请选择危险化学品或类别' }]} style={{ marginBottom: 8 }}>
                  <Select options={options(catalogue)} loading={loading} placeholder="名称或 CAS 号，如 液氨、7664-41-7"
                    showSearch={{ optionFilterProp: 'search' }} aria-label="危险化学品" />
                </Form.Item>
                <Form.Item noStyle dependencies={[['chemicals', field.name, 'chemicalCode']]}>
                  {({ getFieldValue }) => byCode.get(getFieldValue(['chemicals', field.name, 'chemicalCode']))?.kind === 'category' && (
                    <Form.Item name={[field.name, 'name']} rules={[{ required: true, whitespace: true, message: '请填写物质名称' }, { max: 60 }]} style={{ marginBottom: 8 }}>
                      <Input placeholder="该物质的名称" />
                    </Form.Item>
                  )}
                </Form.Item>
              </Col>
              <Col flex="130px">
                <Form.Item name={[field.name, 'quantity']} rules={[{ required: true, message: '请填写存在量' }]} style={{ marginBottom: 8 }}>
                  <InputNumber min={0} max={1e7} suffix="吨" style={{ width: '100%' }} aria-label="实际存在量（吨）" />
                </Form.Item>
              </Col>
              <Col flex="32px">
                <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label="删除该化学品" disabled={fields.length === 1} />
              </Col>
            </Row>
          ))}
          <Form.ErrorList errors={errors} />
          <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({})} disabled={fields.length >= 50}>添加危险化学品</Button>
        </>
      )}
    </Form.List>
  );
}
