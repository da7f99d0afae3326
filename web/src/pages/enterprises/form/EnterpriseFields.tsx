// The fields of the enterprise form, in the sections a bureau clerk fills them in.
import type { ReactNode } from 'react';
import { AutoComplete, Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Select, Switch, Typography } from 'antd';
import { OrgSelect } from '../../../components/OrgSelect';
import { RegionTreeSelect } from '../../../components/RegionTreeSelect';
import {
  detailOptions, FLAG_OPTIONS, GRADE_OPTIONS, RISK_OPTIONS, SCALE_OPTIONS, SECTOR_OPTIONS, SUBTYPE_OPTIONS,
} from '../codes';
import { ContactFields } from './ContactFields';

const half = { xs: 24, md: 12 };

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <Typography.Title level={5} style={{ margin: '8px 0 12px' }}>{title}</Typography.Title>
      {children}
    </>
  );
}

/** Credit codes are pasted untidily: drop spaces, upper-case. The server checks the check character. */
const tidyCode = (v?: string) => v?.replace(/\s+/g, '').toUpperCase();

export function EnterpriseFields() {
  return (
    <>
      <Section title="基本信息">
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item name="name" label="企业名称" rules={[{ required: true, whitespace: true, message: '请输入企业名称' }, { min: 2, max: 100 }]}>
              <Input placeholder="与营业执照一致" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="creditCode" label="统一社会信用代码" normalize={tidyCode}
              rules={[{ required: true, message: '请输入统一社会信用代码' }]} extra="18 位，保存时校验；有误时会指出第几位不对">
              <Input maxLength={30} style={{ fontFamily: 'monospace' }} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="regionCode" label="所属区域" rules={[{ required: true, message: '请选择所属乡镇、村或园区' }]}>
              <RegionTreeSelect placeholder="选择乡镇（街道）、村（社区）或园区" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="formerNames" label="曾用名">
              <Select mode="tags" open={false} placeholder="输入后回车，可填多个" tokenSeparators={['，', ',']} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="address" label="地址" rules={[{ max: 200 }]}><Input /></Form.Item>
          </Col>
          <Col xs={12} md={6}><Form.Item name="lng" label="经度"><InputNumber min={73} max={136} step={0.0001} style={{ width: '100%' }} /></Form.Item></Col>
          <Col xs={12} md={6}><Form.Item name="lat" label="纬度"><InputNumber min={3} max={54} step={0.0001} style={{ width: '100%' }} /></Form.Item></Col>
          <Col xs={12} md={6}><Form.Item name="employees" label="从业人员"><InputNumber min={0} precision={0} style={{ width: '100%' }} /></Form.Item></Col>
          <Col xs={12} md={6}><Form.Item name="scale" label="企业规模"><Select options={SCALE_OPTIONS} allowClear /></Form.Item></Col>
          <Col {...half}><Form.Item name="establishedOn" label="成立日期"><DatePicker style={{ width: '100%' }} /></Form.Item></Col>
          <Col {...half}>
            <Form.Item name="industryCode" label="国民经济行业代码" rules={[{ pattern: /^[A-T]([0-9]{2,4})?$/, message: '如 C2614（GB/T 4754-2017）' }]}>
              <Input placeholder="如 C2614" />
            </Form.Item>
          </Col>
        </Row>
      </Section>
      <Section title="行业与监管">
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item name="sector" label="监管行业" rules={[{ required: true, message: '请选择监管行业' }]}>
              <Select options={SECTOR_OPTIONS} placeholder="选择监管行业" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item noStyle dependencies={['sector']}>
              {({ getFieldValue }) => {
                const details = detailOptions(getFieldValue('sector'));
                return (
                  <Form.Item name="sectorDetail" label="行业细分">
                    <Select options={details} allowClear disabled={!details.length} placeholder={details.length ? '选择细分' : '该行业无细分'} />
                  </Form.Item>
                );
              }}
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="subtype" label="细分类型" rules={[{ max: 30 }]}>
              <AutoComplete options={SUBTYPE_OPTIONS} placeholder="如 液化气站、鞋楦、林木加工" allowClear
                showSearch={{ filterOption: (input, o) => String(o?.value).includes(input) }} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="regulatorId" label="行业主管部门"><OrgSelect placeholder="选择行业主管部门" /></Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="flags" label="专项风险"><Checkbox.Group options={FLAG_OPTIONS} /></Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="isKey" label="重点企业" valuePropName="checked"><Switch checkedChildren="是" unCheckedChildren="否" /></Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="standardGrade" label="标准化等级"><Select options={GRADE_OPTIONS} allowClear placeholder="未评定" /></Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="riskLevel" label="风险等级"><Select options={RISK_OPTIONS} allowClear placeholder="未评定" /></Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="riskLevelSource" label="风险等级依据" rules={[{ max: 100 }]}><Input placeholder="如 2026 年评估报告" /></Form.Item>
          </Col>
        </Row>
      </Section>
      <Section title="联系人">
        <ContactFields />
      </Section>
    </>
  );
}
