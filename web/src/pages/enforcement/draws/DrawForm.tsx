// 新建双随机抽查: the pool filters (sector, region, risk colour) with a live count of the pool, the share or number to
// draw, optional heavier weights for higher risk, officers per unit and the public seed.
import { useQuery, keepPreviousData } from '@tanstack/react-query';
import { Alert, Col, Form, Input, InputNumber, Modal, Radio, Row, Select, Space, Statistic, Typography } from 'antd';
import { api } from '../../../api/client';
import { RegionTreeSelect } from '../../../components/RegionTreeSelect';
import { useApiMutation } from '../../../api/mutation';
import { DRAW_POOL, DRAWS, RISK_STRATA, SECTORS, optionsOf, type DrawDetail, type PoolPreview } from '../enforcementApi';
import { OfficerSelect } from '../OfficerSelect';

interface Values {
  title: string; matter: string; sectors?: string[]; regionCode?: string; riskLevels?: string[];
  mode: 'ratio' | 'count'; ratio?: number; count?: number; officersPerUnit: number; officerIds?: string[];
  weightRed?: number; weightOrange?: number; seed?: string; seedSource?: string;
}

export function DrawForm({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: (d: DrawDetail) => void }) {
  const [form] = Form.useForm<Values>();
  const sectors = Form.useWatch('sectors', form);
  const regionCode = Form.useWatch('regionCode', form);
  const riskLevels = Form.useWatch('riskLevels', form);
  const mode = Form.useWatch('mode', form);
  const filter = { sectors: sectors?.join(',') || undefined, regionCode, riskLevels: riskLevels?.join(',') || undefined };
  // The route reads repeated parameters for arrays: build the query by hand.
  const qs = new URLSearchParams();
  sectors?.forEach((s) => qs.append('sectors', s));
  riskLevels?.forEach((r) => qs.append('riskLevels', r));
  if (regionCode) qs.set('regionCode', regionCode);
  const pool = useQuery({ queryKey: [DRAW_POOL, filter], queryFn: () => api.get<PoolPreview>(`${DRAW_POOL}?${qs}`), enabled: open, placeholderData: keepPreviousData });
  const create = useApiMutation((v: Values) => {
    const riskWeights = v.weightRed || v.weightOrange ? { ...(v.weightRed ? { red: v.weightRed } : {}), ...(v.weightOrange ? { orange: v.weightOrange } : {}) } : undefined;
    return api.post<DrawDetail>(DRAWS, {
      title: v.title, matter: v.matter, sectors: v.sectors?.length ? v.sectors : undefined, regionCode: v.regionCode, riskLevels: v.riskLevels?.length ? v.riskLevels : undefined,
      mode: v.mode, ratio: v.mode === 'ratio' ? v.ratio : undefined, count: v.mode === 'count' ? v.count : undefined, riskWeights,
      officersPerUnit: v.officersPerUnit, officerIds: v.officerIds?.length ? v.officerIds : undefined, seed: v.seed?.trim() || undefined, seedSource: v.seedSource?.trim() || undefined,
    });
  }, { invalidate: [DRAWS], success: (d) => `已抽取 ${d.selected} 家单位`, onSuccess: (d) => { form.resetFields(); onDone(d); } });

  return (
    <Modal open={open} title="新建双随机抽查" width={760} okText="抽取" cancelText="取消" onCancel={onClose} confirmLoading={create.isPending}
      onOk={() => form.submit()} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)}
        initialValues={{ mode: 'count', count: 5, ratio: 5, officersPerUnit: 2, title: `${new Date().getFullYear()}年双随机抽查`, matter: '安全生产监督检查' }}>
        <Row gutter={16}>
          <Col xs={24} md={12}><Form.Item name="title" label="抽查名称" rules={[{ required: true, min: 2 }]}><Input /></Form.Item></Col>
          <Col xs={24} md={12}><Form.Item name="matter" label="抽查事项" rules={[{ required: true, min: 2 }]}><Input /></Form.Item></Col>
        </Row>
        <Typography.Title level={5}>检查对象名录库（筛选）</Typography.Title>
        <Row gutter={16}>
          <Col xs={24} md={8}><Form.Item name="sectors" label="行业"><Select mode="multiple" allowClear placeholder="全部行业" options={SECTORS.map((s) => ({ value: s.code, label: s.label }))} /></Form.Item></Col>
          <Col xs={24} md={8}><Form.Item name="regionCode" label="区域"><RegionTreeSelect placeholder="全县" /></Form.Item></Col>
          <Col xs={24} md={8}><Form.Item name="riskLevels" label="风险等级"><Select mode="multiple" allowClear placeholder="全部" options={optionsOf(RISK_STRATA)} /></Form.Item></Col>
        </Row>
        <Alert type="info" showIcon style={{ marginBottom: 16 }} data-testid="pool-preview"
          title={pool.data ? (
            <Space wrap size="large">
              <Statistic title="名录库单位" value={pool.data.total} />
              {pool.data.byRisk.filter((r) => r.count).map((r) => <Statistic key={r.level} title={r.label} value={r.count} />)}
              <Statistic title="持证执法人员" value={pool.data.officers} />
            </Space>
          ) : pool.isError ? `无法预览名录库：${pool.error.message}` : '正在统计名录库…'} />
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="mode" label="抽取方式"><Radio.Group optionType="button" options={[{ value: 'count', label: '按数量' }, { value: 'ratio', label: '按比例' }]} /></Form.Item>
          </Col>
          <Col xs={24} md={8}>
            {mode === 'ratio'
              ? <Form.Item name="ratio" label="抽取比例（%）" rules={[{ required: true }]}><InputNumber min={0.01} max={100} step={1} style={{ width: '100%' }} /></Form.Item>
              : <Form.Item name="count" label="抽取单位数" rules={[{ required: true }]}><InputNumber min={1} precision={0} style={{ width: '100%' }} /></Form.Item>}
          </Col>
          <Col xs={24} md={8}><Form.Item name="officersPerUnit" label="每家单位执法人员数" rules={[{ required: true }]}><InputNumber min={2} max={6} precision={0} style={{ width: '100%' }} /></Form.Item></Col>
        </Row>
        <Row gutter={16}>
          <Col xs={12} md={8}><Form.Item name="weightRed" label="红色风险权重" tooltip="高风险单位被抽中的机会是普通单位的几倍；不填为 1"><InputNumber min={1} max={10} precision={0} style={{ width: '100%' }} /></Form.Item></Col>
          <Col xs={12} md={8}><Form.Item name="weightOrange" label="橙色风险权重"><InputNumber min={1} max={10} precision={0} style={{ width: '100%' }} /></Form.Item></Col>
        </Row>
        <Form.Item name="officerIds" label="执法人员名录库" extra="不选则使用全部持证执法人员；与被检查单位有利害关系或上次检查过该单位的人员自动回避。">
          <OfficerSelect placeholder="全部持证执法人员" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}><Form.Item name="seed" label="随机种子" extra="不填由系统生成；填写时至少 8 个字符。种子、名录库和算法均公示，任何人可复算。"><Input placeholder="如：当日上证指数收盘点位+会议掷骰结果" /></Form.Item></Col>
          <Col xs={24} md={12}><Form.Item name="seedSource" label="种子来源说明"><Input placeholder="如：抽取会议现场由纪检人员掷骰产生" /></Form.Item></Col>
        </Row>
      </Form>
    </Modal>
  );
}
