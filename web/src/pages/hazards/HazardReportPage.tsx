// 上报隐患: a phone-first form. An enterprise account reports for itself; others pick an enterprise or
// name a public place (region + place). A major hazard needs its determination basis.
import { useNavigate, useSearchParams } from 'react-router';
import { Button, Card, Form, Input, Radio, Select } from 'antd';
import { api } from '../../api/client';
import { useApiMutation } from '../../api/mutation';
import { useMe } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { HAZARD_LEVELS, HAZARD_SOURCES, optionsOf, SECTOR_OPTIONS } from './codes';
import { EnterpriseSelect } from './EnterpriseSelect';
import { categoryOptions, useHazardCategories } from './categories';
import { useCampaignOptions } from './hazardFilters';
import { HAZARDS, hazardPath, type Hazard } from './hazardApi';
import { MajorBasisField } from './MajorBasisField';
import { PhotoUpload } from './PhotoUpload';
import type { HazardCreate } from '../../../../contracts/hazards';

interface Values extends Omit<HazardCreate, 'photos'> { where: 'enterprise' | 'place'; photos?: string[] }

/** The request body: only the place fields the choice uses, no empty strings. */
function toBody({ where, ...v }: Values): HazardCreate {
  const body = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== '')) as HazardCreate;
  // An enterprise account's form has no place choice: it reports for itself (the server fills it in).
  if (where === 'place') delete body.enterpriseId; else delete body.regionCode;
  if (body.level !== 'major') delete body.majorBasis;
  return body;
}

export default function HazardReportPage() {
  const me = useMe();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [search] = useSearchParams();
  const enterpriseUser = me.scope.kind === 'enterprise';
  const campaigns = useCampaignOptions();
  const categories = useHazardCategories();
  const where = Form.useWatch('where', form);
  const level = Form.useWatch('level', form);
  const source = Form.useWatch('source', form);
  const sector = Form.useWatch('sector', form);
  const picked = Form.useWatch('enterpriseId', form);
  const enterpriseId = enterpriseUser ? me.scope.enterpriseId : where === 'place' ? undefined : picked;

  const report = useApiMutation((body: HazardCreate) => api.post<Hazard>(HAZARDS, body), {
    invalidate: [HAZARDS],
    success: (h) => `已上报，编号 ${h.number}`,
    onSuccess: (h) => navigate(hazardPath(h.id), { replace: true }),
  });

  return (
    <div style={{ maxWidth: 720 }}>
      <PageHeader title="上报隐患">{enterpriseUser ? `上报单位：${me.scope.label}` : '在企业发现的选择企业；在公共场所发现的填写所在区划和地点。'}</PageHeader>
      <Form<Values> form={form} layout="vertical" size="large" scrollToFirstError
        initialValues={{ where: 'enterprise', enterpriseId: search.get('enterpriseId') ?? undefined, level: 'general', source: enterpriseUser ? 'self_check' : 'inspection' }}
        onFinish={(v) => report.mutate(toBody(v))}>
        <Card size="small" title="发现地点" style={{ marginBottom: 12 }}>
          {!enterpriseUser && (
            <Form.Item name="where" label="地点类型">
              <Radio.Group optionType="button" buttonStyle="solid" options={[{ value: 'enterprise', label: '企业' }, { value: 'place', label: '公共场所' }]} />
            </Form.Item>
          )}
          {!enterpriseUser && where !== 'place' && (
            <Form.Item name="enterpriseId" label="企业" rules={[{ required: true, message: '请选择发现隐患的企业' }]}>
              <EnterpriseSelect onPick={(e) => e && !form.getFieldValue('sector') && form.setFieldValue('sector', e.sector)} />
            </Form.Item>
          )}
          {!enterpriseUser && where === 'place' && (
            <>
              <Form.Item name="regionCode" label="所在区划" rules={[{ required: true, message: '请选择所在的乡镇或村（社区）' }]}><RegionTreeSelect /></Form.Item>
              <Form.Item name="placeName" label="地点名称" rules={[{ required: true, whitespace: true, message: '请填写地点，如“白塘镇农贸市场东侧”' }]}>
                <Input maxLength={100} placeholder="如：白塘镇农贸市场东侧" />
              </Form.Item>
            </>
          )}
          {enterpriseUser && (
            <Form.Item name="placeName" label="具体部位（选填）"><Input maxLength={100} placeholder="如：二号仓库、锅炉房" /></Form.Item>
          )}
        </Card>
        <Card size="small" title="隐患情况" style={{ marginBottom: 12 }}>
          <Form.Item name="title" label="隐患简述" rules={[{ required: true, whitespace: true, message: '请简要写明隐患' }, { min: 2, max: 200, message: '2–200 字' }]}>
            <Input placeholder="如：除尘器泄爆片缺失" />
          </Form.Item>
          <Form.Item name="description" label="详细描述"><Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} /></Form.Item>
          <Form.Item name="photos" label="现场照片（整改前）" extra="在现场直接拍照，或从相册选择，最多 9 张。">
            <PhotoUpload enterpriseId={enterpriseId} testId="report-photos" />
          </Form.Item>
          <Form.Item name="level" label="隐患等级">
            <Radio.Group optionType="button" buttonStyle="solid" options={optionsOf(HAZARD_LEVELS)} />
          </Form.Item>
          {level === 'major' && (
            <Form.Item name="majorBasis" label="重大隐患判定依据" rules={[{ required: true, whitespace: true, message: '重大隐患须注明判定依据' }, { min: 2, message: '请写明判定依据' }]}>
              <MajorBasisField sector={sector} />
            </Form.Item>
          )}
        </Card>
        <Card size="small" title="分类" style={{ marginBottom: 16 }}>
          <Form.Item name="source" label="隐患来源"><Select options={optionsOf(HAZARD_SOURCES)} /></Form.Item>
          {(source === 'campaign' || campaigns.length > 0) && (
            <Form.Item name="campaignId" label="所属专项行动" rules={[{ required: source === 'campaign', message: '请选择专项行动' }]}>
              <Select options={campaigns} allowClear placeholder={campaigns.length ? '选择专项行动' : '暂无专项行动'} />
            </Form.Item>
          )}
          <Form.Item name="sector" label="行业"><Select options={SECTOR_OPTIONS} allowClear placeholder="选择行业" /></Form.Item>
          <Form.Item name="categoryCode" label="隐患类别" extra="类别引用的法律法规条文将显示在隐患详情和整改通知书中。">
            <Select options={categoryOptions(categories.data, sector)} allowClear showSearch optionFilterProp="label" loading={categories.isPending}
              placeholder="如：基础管理类 / 安全教育培训与持证上岗" />
          </Form.Item>
        </Card>
        <Button type="primary" htmlType="submit" block loading={report.isPending}>提交上报</Button>
      </Form>
    </div>
  );
}
