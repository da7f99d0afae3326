// 安全生产举报 (no login): the intake form (anonymous allowed) that answers with a tracking code, and 查询办理结果 by that code.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Radio, Result, Segmented, Select, Switch, Typography } from 'antd';
import type { Static } from '@sinclair/typebox';
import { api } from '../../api/client';
import { formatTime } from '../../components/format';
import { TIPOFF_CATEGORIES, type Challenge, type TipoffReceipt, type TrackResult } from '../../../../contracts/enforcement';
import { PublicLayout } from './PublicLayout';
import { solve } from './pow';

type Receipt = Static<typeof TipoffReceipt>;
type Track = Static<typeof TrackResult>;
interface Values { anonymous: boolean; reporterName?: string; reporterPhone?: string; category: string; subjectName: string; subjectAddress?: string; regionCode: string; content: string }

const PUBLIC_REGIONS = '/api/public/regions';
const LEVEL_ORDER: Record<string, number> = { county: 0, town: 1, park: 2 };

/** The county, its towns (乡镇、街道) and parks, from the public list (no login; cached by the browser). */
function useCountyRegions() {
  return useQuery({
    queryKey: [PUBLIC_REGIONS],
    queryFn: async () => (await api.get<{ code: string; name: string; level: string }[]>(PUBLIC_REGIONS))
      .sort((a, b) => (LEVEL_ORDER[a.level] ?? 9) - (LEVEL_ORDER[b.level] ?? 9) || a.code.localeCompare(b.code))
      .map((r) => ({ code: r.code, name: r.level === 'county' ? `${r.name}（不清楚具体乡镇时选此项）` : r.name })),
    staleTime: 10 * 60_000,
  });
}

function Intake() {
  const [form] = Form.useForm<Values>();
  const anonymous = Form.useWatch('anonymous', form);
  const regions = useCountyRegions();
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<string>();
  const [receipt, setReceipt] = useState<Receipt>();
  async function submit(v: Values) {
    setError(undefined);
    try {
      setBusy('正在验证…');
      const c = await api.get<Static<typeof Challenge>>('/api/public/tipoffs/challenge');
      const nonce = await solve(c.salt, c.bits);
      setBusy('正在提交…');
      setReceipt(await api.post<Receipt>('/api/public/tipoffs', { ...v, reporterName: v.anonymous ? undefined : v.reporterName, reporterPhone: v.anonymous ? undefined : v.reporterPhone, challengeId: c.id, nonce }));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(undefined);
    }
  }
  if (receipt) {
    return (
      <Result status="success" title="举报已受理" subTitle={`受理编号 ${receipt.number}，我们将在 ${receipt.replyDue} 前答复。`}
        extra={<Card size="small"><Typography.Paragraph>请保存查询码，凭查询码查看办理结果（不会再次显示）：</Typography.Paragraph>
          <Typography.Title level={3} copyable data-testid="tracking-code">{receipt.trackingCode}</Typography.Title></Card>} />
    );
  }
  return (
    <Form form={form} layout="vertical" initialValues={{ anonymous: true, category: 'violation' }} onFinish={submit}>
      <Form.Item name="anonymous" label="匿名举报" valuePropName="checked" extra="匿名举报同样受理；留下联系方式便于核实和发放举报奖励。"><Switch /></Form.Item>
      {!anonymous && (
        <>
          <Form.Item name="reporterName" label="姓名"><Input /></Form.Item>
          <Form.Item name="reporterPhone" label="联系电话" rules={[{ pattern: /^[0-9+\- ]{5,20}$/, message: '请填写正确的电话号码' }]}><Input inputMode="tel" /></Form.Item>
        </>
      )}
      <Form.Item name="category" label="举报类别"><Radio.Group options={Object.entries(TIPOFF_CATEGORIES).map(([value, label]) => ({ value, label }))} /></Form.Item>
      <Form.Item name="subjectName" label="被举报单位或场所" rules={[{ required: true, min: 2, message: '请填写被举报单位或场所' }]}><Input /></Form.Item>
      <Form.Item name="regionCode" label="所在区域" rules={[{ required: true, message: '请选择所在区域' }]}>
        <Select showSearch optionFilterProp="label" loading={regions.isLoading} notFoundContent={regions.isError ? "无法加载区域，请刷新重试" : undefined} options={(regions.data ?? []).map((r) => ({ value: r.code, label: r.name }))} placeholder="选择所在区域" />
      </Form.Item>
      <Form.Item name="subjectAddress" label="详细地址"><Input placeholder="乡镇、村（社区）、门牌" /></Form.Item>
      <Form.Item name="content" label="举报内容" rules={[{ required: true, min: 10, message: '请详细描述（至少 10 个字）' }]}><Input.TextArea rows={5} placeholder="时间、地点、违法行为或隐患的具体情况" /></Form.Item>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Button type="primary" htmlType="submit" size="large" block loading={!!busy}>{busy ?? '提交举报'}</Button>
    </Form>
  );
}

function Tracking() {
  const [result, setResult] = useState<Track>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  async function find(code: string) {
    setBusy(true); setError(undefined); setResult(undefined);
    try { setResult(await api.post<Track>('/api/public/tipoffs/track', { code: code.trim() })); } catch (e) { setError((e as Error).message); } finally { setBusy(false); }
  }
  return (
    <>
      <Input.Search size="large" placeholder="输入查询码" enterButton="查询" loading={busy} onSearch={(v) => v.trim().length >= 6 && find(v)} data-testid="track-input" />
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
      {result && (
        <Descriptions style={{ marginTop: 12 }} bordered size="small" column={1} items={[
          { label: '受理编号', children: result.number }, { label: '办理状态', children: result.statusLabel },
          { label: '受理时间', children: formatTime(result.receivedAt) }, { label: '答复期限', children: result.replyDue },
          { label: '答复', children: result.reply ?? '尚未答复' }, { label: '答复时间', children: formatTime(result.repliedAt) },
        ]} />
      )}
    </>
  );
}

export default function PublicTipoffPage() {
  const [tab, setTab] = useState<'new' | 'track'>('new');
  return (
    <PublicLayout title="安全生产举报">
      <Card>
        <Segmented block size="large" value={tab} onChange={(v) => setTab(v as typeof tab)} options={[{ label: '我要举报', value: 'new' }, { label: '查询办理结果', value: 'track' }]} style={{ marginBottom: 16 }} />
        {tab === 'new' ? <Intake /> : <Tracking />}
      </Card>
      <Typography.Text type="secondary">也可拨打 12350 举报。查询码只能查看本件的办理状态和答复，不显示其他信息。</Typography.Text>
    </PublicLayout>
  );
}
