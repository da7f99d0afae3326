// One return: fill it (or upload its Excel), submit to the unit's leader, approve, and the bureau's accept or send
// back; an accepted return is corrected only with a reason. The trail shows every version that was submitted.
import { useEffect, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Flex, Input, Modal, Space, Timeline, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { api, ApiError } from '../../api/client';
import { useApiMutation } from '../../api/mutation';
import { download, upload } from '../../api/transfer';
import { ConfirmButton } from '../../components/ConfirmButton';
import { formatTime } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { ReturnFields, type Issues } from './ReturnFields';
import { ReturnStatus } from './ReturnStatus';
import { ACTION_LABELS, judgeValues, RETURNS, type ReturnDetail } from './returnsApi';

function TextAction({ label, title, placeholder, danger, onOk }: { label: string; title: string; placeholder: string; danger?: boolean; onOk: (text: string) => void }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  return (
    <>
      <Button danger={danger} onClick={() => setOpen(true)}>{label}</Button>
      <Modal open={open} title={title} okText="确定" cancelText="取消" okButtonProps={{ disabled: text.trim().length < 2 }} destroyOnHidden
        onCancel={() => setOpen(false)} onOk={() => { onOk(text.trim()); setOpen(false); }}>
        <Input.TextArea aria-label={title} rows={3} value={text} placeholder={placeholder} onChange={(e) => setText(e.target.value)} />
      </Modal>
    </>
  );
}

export default function ReturnPage() {
  const { id } = useParams();
  const { message } = App.useApp();
  const path = `${RETURNS}/${id}`;
  const q = useQuery({ queryKey: [RETURNS, id], queryFn: () => api.get<ReturnDetail>(path) });
  const r = q.data;
  const [values, setValues] = useState<Record<string, unknown>>({});
  const [serverIssues, setServerIssues] = useState<Issues>();
  useEffect(() => { if (r) { setValues(r.values); setServerIssues(undefined); } }, [r]);
  const local = useMemo(() => (r ? judgeValues({ fields: r.fields, checks: r.checks, jumpPercent: r.jumpPercent }, values, { complete: false, previous: r.previous }) : undefined), [r, values]);
  const issues: Issues | undefined = serverIssues ?? (local && { errors: local.errors, warnings: local.warnings });

  const act = useApiMutation((v: { move: string; body?: object }) => api.post<ReturnDetail>(`${path}/${v.move.replace('_', '-')}`, v.body ?? {}), {
    invalidate: [RETURNS], success: (d) => `已${ACTION_LABELS[d.events.at(-1)?.action ?? ''] ?? '保存'}`,
  });
  const run = (move: string, body?: object) => act.mutate({ move, body }, {
    onError: (e) => { const d = (e as ApiError).details as { fields?: Issues['errors']; warnings?: Issues['warnings'] } | undefined; if (d?.fields) setServerIssues({ errors: d.fields, warnings: d.warnings ?? [] }); },
  });
  const editable = !!r && r.moves.includes('save');
  const can = (m: string) => !!r?.moves.includes(m);

  if (q.isError) return <Alert type="error" showIcon title={q.error.message} />;
  if (!r) return null;
  return (
    <>
      <PageHeader title={`${r.formName}（${r.periodLabel}）`} extra={<ReturnStatus r={r} />}>
        {r.unitName} · 截止 {r.dueOn} · 报表版本 v{r.formVersion}{r.version ? ` · 第 ${r.version} 次报送` : ''}
      </PageHeader>
      <Flex vertical gap={16}>
        {r.status === 'returned' && r.reviewComment && <Alert type="error" showIcon title="应急局退回意见" description={r.reviewComment} />}
        {r.correctionReason && <Alert type="warning" showIcon title="正在更正已受理的数字" description={`更正原因：${r.correctionReason}`} />}
        {r.status === 'pending_approval' && <Alert type="info" showIcon title="等待本单位负责人审核" description={`填报人：${r.filledByName ?? '—'}；负责人审核通过后报送应急局。`} />}
        <Card size="small" title="填报内容" extra={editable && (
          <Space wrap>
            <Button icon={<DownloadOutlined />} onClick={() => download(`${path}/template`, undefined, `${r.formName}.xlsx`).catch((e) => message.error(e.message))}>下载 Excel</Button>
            <Upload accept=".xlsx" showUploadList={false} customRequest={({ file }) => {
              upload<ReturnDetail>(`${path}/upload`, {}, file as File).then(() => { message.success('已按上传的 Excel 保存草稿'); q.refetch(); }, (e) => message.error(e.message));
            }}><Button icon={<UploadOutlined />}>上传 Excel</Button></Upload>
          </Space>
        )}>
          <ReturnFields fields={r.fields} values={values} onChange={(v) => { setValues(v); setServerIssues(undefined); }} issues={issues} previous={r.previous} disabled={!editable} />
          <Flex wrap gap={8}>
            {can('save') && <Button onClick={() => run('save', { values })} loading={act.isPending}>保存草稿</Button>}
            {can('submit') && <ConfirmButton type="primary" confirm="提交本单位负责人审核？" description={issues?.warnings.length ? '有数字与上期相比变化较大，请确认无误。' : undefined}
              onConfirm={() => run('submit', { values })}>提交审核</ConfirmButton>}
            {can('approve') && <ConfirmButton type="primary" confirm="审核通过并报送应急局？" onConfirm={() => run('approve')}>审核通过并报送</ConfirmButton>}
            {can('reject') && <TextAction label="退回填报人" title="退回修改的原因" placeholder="请写明需要修改的地方" onOk={(comment) => run('reject', { comment })} />}
            {can('accept') && <ConfirmButton type="primary" confirm="受理这份报表？受理后的数字计入汇总。" onConfirm={() => run('accept', {})}>受理</ConfirmButton>}
            {can('send_back') && <TextAction danger label="退回" title="退回意见" placeholder="请写明退回原因，填报单位将看到" onOk={(comment) => run('send_back', { comment })} />}
            {can('correct') && <TextAction label="更正" title="更正原因" placeholder="如：补录漏报数据（更正后需重新审核、受理）" onOk={(reason) => run('correct', { reason })} />}
          </Flex>
        </Card>
        <Card size="small" title="办理记录与版本">
          <Timeline items={r.events.map((e) => ({
            color: e.action === 'send_back' || e.action === 'reject' ? 'red' : e.action === 'accept' ? 'green' : 'blue',
            content: (
              <div>
                <Typography.Text strong>{ACTION_LABELS[e.action] ?? e.action}</Typography.Text> · {e.actorName} · {formatTime(e.at)}
                {e.version ? <Typography.Text type="secondary"> · 第 {e.version} 版</Typography.Text> : null}
                {e.comment && <div>意见：{e.comment}</div>}
                {e.version && e.values && <div style={{ color: '#666' }}>{r.fields.filter((f) => e.values![f.key] !== undefined).map((f) => `${f.label} ${String(e.values![f.key])}${f.unit ?? ''}`).join('，')}</div>}
              </div>
            ),
          }))} />
          {!r.events.length && <Typography.Text type="secondary">尚未填报。填好上面的内容后保存或提交审核。</Typography.Text>}
          <Descriptions size="small" column={1} items={[{ label: '审核人', children: r.approvedByName ?? '—' }, { label: '报送时间', children: formatTime(r.submittedAt) || '—' }]} />
        </Card>
      </Flex>
    </>
  );
}
