// A GB 18218-2018 result with its working: the chemicals' q, Q, β and ratios, S (identification),
// α and R (grading), the grade, and each step in words as the platform computed it.
import { Descriptions, Flex, Table, Tag, Typography } from 'antd';
import type { HazardEvaluation } from '../api';
import { gradeLabel } from '../EnterpriseTags';

type Term = HazardEvaluation['terms'][number];
const n = (x: number) => String(Math.round(x * 1e4) / 1e4);
const GRADE_COLOURS = ['', 'red', 'orange', 'gold', 'blue'];

export function GradeTag({ evaluation: ev }: { evaluation: HazardEvaluation }) {
  return ev.identified && ev.grade
    ? <Tag color={GRADE_COLOURS[ev.grade]}>{gradeLabel(ev.grade)}</Tag>
    : <Tag>不构成重大危险源</Tag>;
}

export function HazardEvaluationView({ evaluation: ev }: { evaluation: HazardEvaluation }) {
  return (
    <Flex vertical gap={12}>
      <Descriptions size="small" column={{ xs: 1, sm: 3 }} items={[
        { key: 's', label: '辨识指标 S = Σq/Q', children: <Typography.Text strong>{n(ev.s)}{ev.identified ? '（≥ 1，构成）' : '（< 1，不构成）'}</Typography.Text> },
        { key: 'r', label: '分级指标 R = α·Σβq/Q', children: <Typography.Text strong>{ev.r === null ? '不分级' : n(ev.r)}</Typography.Text> },
        { key: 'g', label: '级别', children: <GradeTag evaluation={ev} /> },
      ]} />
      <Table<Term> size="small" rowKey={(t, i) => `${t.chemicalCode ?? t.name}-${i}`} dataSource={ev.terms} pagination={false}
        scroll={{ x: 'max-content' }} columns={[
          { title: '危险化学品', dataIndex: 'name' },
          { title: '实际存在量 q (t)', dataIndex: 'quantity', align: 'right', render: n },
          { title: '临界量 Q (t)', dataIndex: 'criticalQuantity', align: 'right', render: n },
          { title: '校正系数 β', dataIndex: 'beta', align: 'right', render: n },
          { title: 'q/Q', dataIndex: 'ratio', align: 'right', render: n },
          { title: 'β·q/Q', dataIndex: 'weighted', align: 'right', render: n },
        ]} />
      <div data-testid="hazard-working">
        <Typography.Text strong>计算过程</Typography.Text>
        {/* The working is numbered by the server where it lists chemicals; each line stands alone. */}
        <Flex vertical gap={2} style={{ margin: '4px 0', padding: '8px 12px', background: '#fafafa', borderRadius: 6 }}>
          {ev.working.map((line, i) => <Typography.Text key={i} style={{ fontSize: 13 }}>{line}</Typography.Text>)}
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>依据 GB 18218-2018《危险化学品重大危险源辨识》，规则版本 {ev.ruleVersion}</Typography.Text>
      </div>
    </Flex>
  );
}
