// 企业自查: pick a checklist, tick each item on a phone (合格 / 不合格 with a note and photos), and turn
// failed items into hazards in the same step. Regulators may record a check for an enterprise too.
import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Progress, Result, Select, Switch, Typography } from 'antd';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/mutation';
import { useMe } from '../../../app/session';
import { PageHeader } from '../../../components/PageHeader';
import { CHECK_FREQUENCIES, sectorLabel } from '../codes';
import { EnterpriseSelect } from '../EnterpriseSelect';
import { CHECK_RECORDS, CHECK_TEMPLATES, HAZARDS, hazardPath, type CheckRecord, type CheckTemplate } from '../hazardApi';
import { CheckItemCard, type ItemResult } from './CheckItemCard';
import { CheckRecords } from './CheckRecords';
import { TemplatesDrawer } from './TemplateEditor';

export default function SelfCheckPage() {
  const me = useMe();
  const { modal } = App.useApp();
  const enterpriseUser = me.scope.kind === 'enterprise';
  const [picked, setPicked] = useState<string>();
  const enterpriseId = enterpriseUser ? me.scope.enterpriseId : picked;
  const [templateId, setTemplateId] = useState<string>();
  const [results, setResults] = useState<Record<string, ItemResult>>({});
  const [createHazards, setCreateHazards] = useState(true);
  const [done, setDone] = useState<CheckRecord>();
  const [managing, setManaging] = useState(false);
  const mayEdit = !enterpriseUser && me.permissions.includes('hazard:write');
  const templates = useQuery({ queryKey: [CHECK_TEMPLATES], queryFn: () => api.get<CheckTemplate[]>(CHECK_TEMPLATES), staleTime: 10 * 60_000 });
  const template = templates.data?.find((t) => t.id === templateId);
  const items = template?.items ?? [];
  const answered = items.filter((i) => results[i.code]?.ok !== undefined).length;
  const failed = items.filter((i) => results[i.code]?.ok === false).length;

  const submit = useApiMutation((body: unknown) => api.post<CheckRecord>(CHECK_RECORDS, body), {
    invalidate: [CHECK_RECORDS, HAZARDS], success: '自查结果已提交', onSuccess: setDone,
  });
  const reset = () => { setResults({}); setDone(undefined); };

  function confirm() {
    const body = {
      templateId, ...(enterpriseUser ? {} : { enterpriseId }), createHazards,
      results: items.map((i) => {
        const r = results[i.code];
        return { code: i.code, ok: r.ok!, ...(r.note?.trim() ? { note: r.note.trim() } : {}), ...(r.photos?.length ? { photos: r.photos } : {}) };
      }),
    };
    modal.confirm({
      title: '确定提交自查结果？', okText: '提交', cancelText: '再看看',
      content: failed ? `${failed} 项不合格${createHazards ? `，将生成 ${failed} 条一般隐患（来源：企业自查）` : '，不转为隐患'}。` : '全部合格。',
      onOk: () => submit.mutateAsync(body).catch(() => undefined),
    });
  }

  if (done) {
    return (
      <Result status={done.failedCount ? 'warning' : 'success'} title={done.failedCount ? `发现 ${done.failedCount} 项不合格` : '全部合格'}
        subTitle={done.hazardIds.length ? `已生成 ${done.hazardIds.length} 条隐患，请按期整改。` : `${done.templateName} · ${done.checkerName}`}
        extra={[
          ...done.hazardIds.map((id, i) => <Link key={id} to={hazardPath(id)}><Button>隐患 {i + 1}</Button></Link>),
          <Button key="again" type="primary" onClick={reset}>再做一次检查</Button>,
        ]} />
    );
  }

  return (
    <div style={{ maxWidth: 760 }}>
      <PageHeader title="企业自查" extra={mayEdit && <Button onClick={() => setManaging(true)}>管理检查表</Button>}>{enterpriseUser ? `${me.scope.label}：按检查表逐项检查，不合格项可一键转为隐患。` : '为企业登记一次检查；不合格项可一键转为该企业的隐患。'}</PageHeader>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Form layout="vertical" size="large">
          {!enterpriseUser && <Form.Item label="被检查企业" required htmlFor="check-enterprise"><EnterpriseSelect id="check-enterprise" value={picked} onChange={setPicked} /></Form.Item>}
          <Form.Item label="检查表" required htmlFor="check-template" style={{ marginBottom: 0 }}>
            <Select id="check-template" value={templateId} placeholder="选择检查表" loading={templates.isPending} onChange={(v: string) => { setTemplateId(v); setResults({}); }}
              options={(templates.data ?? []).map((t) => ({ value: t.id, label: `${t.name}（${sectorLabel(t.sector) || t.sector} · ${CHECK_FREQUENCIES[t.frequency]}）` }))} />
          </Form.Item>
        </Form>
      </Card>
      {template && (
        <Flex vertical gap={12}>
          <Progress percent={Math.round((answered / items.length) * 100)} format={() => `${answered}/${items.length}`} />
          {items.map((item, i) => (
            <CheckItemCard key={item.code} index={i} item={item} result={results[item.code] ?? {}} enterpriseId={enterpriseId}
              onChange={(r) => setResults((all) => ({ ...all, [item.code]: r }))} />
          ))}
          <Card size="small">
            <Flex justify="space-between" align="center" gap={8}>
              <span>
                <Typography.Text strong>不合格项转为隐患</Typography.Text><br />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>每个不合格项生成一条一般隐患，进入整改流程</Typography.Text>
              </span>
              <Switch checked={createHazards} onChange={setCreateHazards} aria-label="不合格项转为隐患" />
            </Flex>
          </Card>
          <Button type="primary" size="large" block loading={submit.isPending} disabled={answered < items.length || (!enterpriseUser && !enterpriseId)} onClick={confirm}>
            {answered < items.length ? `还有 ${items.length - answered} 项未检查` : !enterpriseUser && !enterpriseId ? '请选择被检查企业' : `提交（${failed} 项不合格）`}
          </Button>
        </Flex>
      )}
      <Typography.Title level={5} style={{ marginTop: 24 }}>自查记录</Typography.Title>
      <CheckRecords enterpriseId={enterpriseUser ? undefined : picked} />
      {mayEdit && <TemplatesDrawer open={managing} onClose={() => setManaging(false)} templates={templates.data ?? []} />}
    </div>
  );
}
