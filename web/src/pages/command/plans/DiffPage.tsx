// 版本对比: what changed between two versions of a plan, side by side — levels and their conditions, working groups,
// actions (added / removed / changed, field by field) and the free text with its insertions and deletions marked.
import { Link, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Empty, Flex, Row, Statistic, Tag, Typography } from 'antd';
import { api } from '../../../api/client';
import { FullPageSpin } from '../../../components/FullPageSpin';
import { PageHeader } from '../../../components/PageHeader';
import { PLANS, paths, type DiffChange, type PlanDiff } from './plansApi';

const SECTIONS: Record<DiffChange['section'], string> = { summary: '总则', command: '应急指挥部', level: '响应级别与启动条件', group: '工作组', action: '行动措施' };
const CHANGE: Record<DiffChange['change'], [string, string]> = { added: ['新增', 'green'], removed: ['删除', 'red'], changed: ['修改', 'gold'] };

function Side({ field, side }: { field: DiffChange['fields'][number]; side: 'before' | 'after' }) {
  if (field.parts) {
    const keep = side === 'before' ? 'del' : 'add';
    return <span>{field.parts.filter((p) => p.op === 'same' || p.op === keep).map((p, i) => (
      p.op === 'same' ? <span key={i}>{p.text}</span>
        : <mark key={i} style={{ background: keep === 'del' ? '#ffccc7' : '#d9f7be', textDecoration: keep === 'del' ? 'line-through' : undefined }}>{p.text}</mark>))}</span>;
  }
  const value = field[side];
  return value === null ? <Typography.Text type="secondary">（无）</Typography.Text> : <span>{value}</span>;
}

export default function DiffPage() {
  const [search] = useSearchParams();
  const from = search.get('from');
  const to = search.get('to');
  const q = useQuery({ queryKey: [PLANS, 'diff', from, to], enabled: !!from && !!to, queryFn: () => api.get<PlanDiff>(`${PLANS}/diff`, { from, to }) });
  if (!from || !to) return <Empty description="请在预案的“版本”页勾选两个版本后点击对比" />;
  if (q.isError) return <Alert type="error" showIcon title={q.error.message} />;
  if (!q.data) return <FullPageSpin />;
  const d = q.data;
  return (
    <>
      <PageHeader title={`版本对比：${d.planTitle}`} extra={<Link to={paths.plan(d.planId)}><Button>返回预案</Button></Link>}>
        {d.from.label}（第 {d.from.versionNo} 版）→ {d.to.label}（第 {d.to.versionNo} 版）
      </PageHeader>
      <Row gutter={12} style={{ marginBottom: 12 }}>
        <Col span={8}><Statistic title="新增" value={d.counts.added} /></Col>
        <Col span={8}><Statistic title="删除" value={d.counts.removed} /></Col>
        <Col span={8}><Statistic title="修改" value={d.counts.changed} /></Col>
      </Row>
      {d.changes.length === 0 && <Empty description="两个版本内容相同" />}
      <Flex vertical gap={8} data-testid="diff-changes">
        {d.changes.map((c) => (
          <Card key={`${c.section}-${c.key}`} size="small" title={<Flex gap={8} wrap align="center"><Tag color={CHANGE[c.change][1]}>{CHANGE[c.change][0]}</Tag><span>{SECTIONS[c.section]}</span><Typography.Text strong>{c.title}</Typography.Text></Flex>}>
            <Row gutter={[12, 4]}>
              <Col xs={0} md={4}><Typography.Text type="secondary">项目</Typography.Text></Col>
              <Col xs={12} md={10}><Typography.Text type="secondary">{d.from.label}</Typography.Text></Col>
              <Col xs={12} md={10}><Typography.Text type="secondary">{d.to.label}</Typography.Text></Col>
              {c.fields.map((f) => [
                <Col key={`${f.field}-l`} xs={24} md={4}><Typography.Text strong>{f.label}</Typography.Text></Col>,
                <Col key={`${f.field}-b`} xs={12} md={10}><Side field={f} side="before" /></Col>,
                <Col key={`${f.field}-a`} xs={12} md={10}><Side field={f} side="after" /></Col>,
              ])}
            </Row>
          </Card>
        ))}
      </Flex>
    </>
  );
}
