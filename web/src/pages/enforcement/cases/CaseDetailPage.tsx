// One case: its stages as steps, the legal deadlines with warnings, the action bar, the trail, documents (with 送达),
// compulsory measures (take and lift) and 行刑衔接 transfers (report, decide, send, police result).
import { useParams } from 'react-router';
import { Alert, Card, Col, Descriptions, Flex, Row, Space, Steps, Table, Tag, Timeline, Typography } from 'antd';
import { useMe } from '../../../app/session';
import { FullPageSpin } from '../../../components/FullPageSpin';
import { PageHeader } from '../../../components/PageHeader';
import { formatTime } from '../../../components/format';
import { DocumentLinks } from '../DocumentLinks';
import { DueTag, EnfTag } from '../EnfTag';
import { CASE_STATUSES, useCase } from '../enforcementApi';
import { officerLine } from '../OfficerSelect';
import { MeasuresCard } from '../measures/MeasuresCard';
import { TransfersCard } from '../measures/TransfersCard';
import { CaseActionBar } from './CaseActionBar';
import { CASE_ACTIONS } from './caseActions';
import { PenaltyProposalPanel } from '../../law/PenaltyProposalPanel';

const STAGES = [['filing'], ['investigating'], ['notified', 'hearing', 'heard'], ['decided'], ['executing', 'enforcing'], ['closed']];
const STAGE_TITLES = ['立案', '调查取证', '告知', '决定', '执行', '结案'];
// The trail's actions in words: the action bar's labels, and the moves that have no button.
const OTHER_ACTIONS: Record<string, string> = { file: '申请立案', reject: '不予立案', request_hearing: '申请听证', hold_hearing: '举行听证', serve: '送达决定书' };
const actionLabel = (a: string) => OTHER_ACTIONS[a] ?? CASE_ACTIONS[a]?.label ?? a;
const money = (n: number | null | undefined) => (n ? `${n.toLocaleString('zh-CN')} 元` : '—');

export default function CaseDetailPage() {
  const { id } = useParams();
  const me = useMe();
  const q = useCase(id);
  if (q.isLoading) return <FullPageSpin />;
  if (!q.data) return <Alert type="error" showIcon title="无法加载案件" description={q.error?.message} />;
  const c = q.data;
  const canWrite = me.permissions.includes('enforcement:write');
  const stage = STAGES.findIndex((s) => s.includes(c.status));
  const open = c.deadlines.filter((d) => d.status === 'open');
  const late = open.filter((d) => d.overdue);
  return (
    <>
      <PageHeader title={<Space wrap>{c.number ?? '立案审批中'}<EnfTag of="case" status={c.status} /></Space>}
        extra={canWrite && <CaseActionBar c={c} />}>
        {c.partyName} · {c.cause}
      </PageHeader>
      {late.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={`已逾期：${late.map((d) => `${d.label}（${d.dueOn}）`).join('、')}`} />}
      {c.nextDeadline && !c.nextDeadline.overdue && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`下一时限：${c.nextDeadline.label}，${c.nextDeadline.dueOn} 前`} description={c.nextDeadline.basis} />}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Steps size="small" current={stage} status={c.status === 'not_filed' ? 'error' : undefined} items={STAGE_TITLES.map((title) => ({ title }))} />
      </Card>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={14}>
          <Flex vertical gap={12}>
            <Card size="small" title="案件信息">
              <Descriptions size="small" column={{ xs: 1, md: 2 }} items={[
                { label: '当事人', children: c.partyName },
                { label: '承办人员', children: officerLine(c.officers) },
                { label: '申请立案', children: formatTime(c.requestedAt) },
                { label: '立案', children: formatTime(c.filedAt) },
                { label: '告知', children: formatTime(c.notifiedAt) },
                { label: '听证', children: c.hearingOn ?? (c.hearingEligible ? '可申请' : '—') },
                { label: '决定', children: formatTime(c.decidedAt) },
                { label: '罚款', children: money(c.fine) },
                { label: '缴款期限', children: c.paymentDue ?? '—' },
                { label: '已缴', children: c.paidAt ? `${money(c.paidAmount)}（${formatTime(c.paidAt)}）` : '—' },
                { label: '今日应缴（含加处罚款）', children: c.amountDueToday ? `${money(c.amountDueToday)}（加处 ${money(c.surchargeToday)}）` : '—' },
                { label: '案情', children: c.facts ?? '—', span: 2 },
              ]} />
            </Card>
            <Card size="small" title="法定时限" data-testid="case-deadlines">
              <Table rowKey="id" size="small" pagination={false} dataSource={c.deadlines} scroll={{ x: 'max-content' }}
                columns={[{ title: '事项', dataIndex: 'label' }, { title: '期限', key: 'd', render: (_, d) => d.status === 'open' ? <DueTag due={d.dueOn} overdue={d.overdue} /> : d.dueOn },
                  { title: '依据', dataIndex: 'basis' }, { title: '状态', key: 's', render: (_, d) => d.status === 'met' ? <Tag color="success">已完成</Tag> : d.status === 'open' ? <Tag color="processing">进行中</Tag> : <Tag>已取消</Tag> }]} />
            </Card>
            <Card size="small" title="执法文书"><DocumentLinks docs={c.documents} /></Card>
            <PenaltyProposalPanel caseId={c.id} />
            <MeasuresCard caseId={c.id} canWrite={canWrite && c.status !== 'closed'} />
            <TransfersCard caseId={c.id} canWrite={canWrite} />
          </Flex>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title="办理记录">
            <Timeline items={[...c.events].reverse().map((e) => ({ key: e.id, children: (
              <>
                <Typography.Text strong>{actionLabel(e.action)}</Typography.Text>{e.toStatus && <> → {CASE_STATUSES[e.toStatus as keyof typeof CASE_STATUSES] ?? e.toStatus}</>}
                <div><Typography.Text type="secondary">{formatTime(e.at)} {e.actorName}</Typography.Text></div>
                {e.comment && <div>{e.comment}</div>}
              </>
            ) }))} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
