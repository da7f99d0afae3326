// The three contacts of an enterprise (法定代表人, 主要负责人, 安全管理负责人) with their phones;
// shared by the full form and the contacts form an enterprise account uses.
import { Col, Form, Input, Row } from 'antd';
import { Phone } from '../../../../../contracts/enterprises';

const PHONE_RULE = { pattern: new RegExp(Phone.pattern ?? ''), message: '请输入 11 位手机号，或带区号的固话（如 0730-1234567）' };

export const CONTACT_FIELDS = [
  ['legalRepresentative', 'legalRepresentativePhone', '法定代表人'],
  ['principalName', 'principalPhone', '主要负责人'],
  ['safetyManagerName', 'safetyManagerPhone', '安全管理负责人'],
] as const;

export type ContactValues = Partial<Record<(typeof CONTACT_FIELDS)[number][0 | 1], string | null>>;

export function ContactFields() {
  return (
    <Row gutter={16}>
      {CONTACT_FIELDS.map(([name, phone, label]) => (
        <Col xs={24} md={12} key={name}>
          <Form.Item label={label} style={{ marginBottom: 0 }}>
            <Row gutter={8}>
              <Col span={10}>
                <Form.Item name={name} rules={[{ max: 30 }]}><Input placeholder="姓名" aria-label={`${label}姓名`} /></Form.Item>
              </Col>
              <Col span={14}>
                <Form.Item name={phone} rules={[PHONE_RULE]}>
                  <Input placeholder="电话" inputMode="tel" aria-label={`${label}电话`} />
                </Form.Item>
              </Col>
            </Row>
          </Form.Item>
        </Col>
      ))}
    </Row>
  );
}
