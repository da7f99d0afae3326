// 版本编辑: the structured plan as forms — 总则, 指挥部, working groups, response levels with their start conditions,
// and the actions of each role at each level. Saved as a whole; the server checks keys and that conditions rise with the level.
import { Button, Card, Checkbox, Col, Divider, Flex, Form, Input, InputNumber, Row, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/mutation';
import { OrgSelect } from '../../../components/OrgSelect';
import { INCIDENT_GRADES, INCIDENT_KINDS, TRIGGER_METRICS, VERSIONS, levelName, optionsOf, type PlanContent, type PlanVersion } from './plansApi';

const LEVEL_OPTIONS = [1, 2, 3, 4].map((l) => ({ value: l, label: `${levelName(l)}响应` }));
/** New rows get the next free id (g3, a17 …); existing ids are kept so the diff follows an item across versions. */
function withIds<T extends { id: string }>(xs: T[], prefix: string): T[] {
  const used = xs.map((x) => x.id).filter(Boolean);
  return xs.map((x) => {
    if (x.id) return x;
    let n = used.length + 1;
    while (used.includes(`${prefix}${n}`)) n++;
    used.push(`${prefix}${n}`);
    return { ...x, id: `${prefix}${n}` };
  });
}

export function VersionEditor({ version, onDone }: { version: PlanVersion; onDone: () => void }) {
  const [form] = Form.useForm<PlanContent & { label: string; changeNote: string | null }>();
  const groups: PlanContent['groups'] = Form.useWatch('groups', form) ?? version.content.groups;
  const save = useApiMutation((v: PlanContent & { label: string; changeNote: string | null }) => {
    const { label, changeNote, ...content } = v;
    const clean: PlanContent = {
      summary: content.summary ?? '', command: { commander: content.command?.commander ?? '', deputies: content.command?.deputies ?? [], office: content.command?.office ?? '' },
      groups: withIds(content.groups ?? [], 'g').map((g) => ({ id: g.id, name: g.name, leadUnit: g.leadUnit || null, leadOrgId: g.leadOrgId || null, members: g.members ?? [], duties: g.duties || null })),
      levels: (content.levels ?? []).map((l) => ({ level: l.level, name: l.name, note: l.note || undefined, triggers: {
        thresholds: (l.triggers?.thresholds ?? []).filter((t) => t.metric && t.min !== null && t.min !== undefined), grades: l.triggers?.grades ?? [],
        beyondTownCapacity: !!l.triggers?.beyondTownCapacity, beyondCountyCapacity: !!l.triggers?.beyondCountyCapacity, kinds: l.triggers?.kinds ?? [], text: l.triggers?.text ?? '' } })),
      actions: withIds(content.actions ?? [], 'a').map((a) => ({ id: a.id, level: a.level, role: a.role, action: a.action, dueMinutes: a.dueMinutes ?? null })),
    };
    return api.put<PlanVersion>(`${VERSIONS}/${version.id}/content`, { content: clean, label, changeNote: changeNote || null });
  }, { invalidate: [VERSIONS], success: '已保存', onSuccess: onDone });
  return (
    <Form form={form} layout="vertical" initialValues={{ ...version.content, label: version.label, changeNote: version.changeNote }} onFinish={(v) => save.mutate(v)}
      onFinishFailed={() => undefined}>
      <Row gutter={12}>
        <Col xs={24} md={8}><Form.Item name="label" label="版本名称" rules={[{ required: true }]}><Input /></Form.Item></Col>
        <Col xs={24} md={16}><Form.Item name="changeNote" label="修订说明"><Input /></Form.Item></Col>
      </Row>
      <Form.Item name="summary" label="总则与适用范围"><Input.TextArea rows={3} /></Form.Item>
      <Divider titlePlacement="start">应急指挥部</Divider>
      <Row gutter={12}>
        <Col xs={24} md={8}><Form.Item name={['command', 'commander']} label="总指挥"><Input placeholder="如：分管副市长" /></Form.Item></Col>
        <Col xs={24} md={8}><Form.Item name={['command', 'deputies']} label="副总指挥"><Select mode="tags" open={false} placeholder="输入后回车" /></Form.Item></Col>
        <Col xs={24} md={8}><Form.Item name={['command', 'office']} label="指挥部办公室"><Input /></Form.Item></Col>
      </Row>
      <Divider titlePlacement="start">工作组</Divider>
      <Form.List name="groups">{(fields, { add, remove }) => (
        <Flex vertical gap={8}>
          {fields.map((f) => (
            <Card key={f.key} size="small" extra={<Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="删除工作组" />}>
              <Form.Item name={[f.name, 'id']} hidden><Input /></Form.Item>
              <Row gutter={12}>
                <Col xs={24} md={6}><Form.Item name={[f.name, 'name']} label="工作组" rules={[{ required: true, message: '请填写工作组名称' }]}><Input /></Form.Item></Col>
                <Col xs={24} md={6}><Form.Item name={[f.name, 'leadUnit']} label="牵头单位（文字）"><Input /></Form.Item></Col>
                <Col xs={24} md={6}><Form.Item name={[f.name, 'leadOrgId']} label="系统内对应单位"><OrgSelect /></Form.Item></Col>
                <Col xs={24} md={6}><Form.Item name={[f.name, 'members']} label="成员单位"><Select mode="tags" open={false} placeholder="输入后回车" /></Form.Item></Col>
              </Row>
              <Form.Item name={[f.name, 'duties']} label="职责" style={{ marginBottom: 0 }}><Input.TextArea rows={2} /></Form.Item>
            </Card>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({ id: '', name: '', leadUnit: null, leadOrgId: null, members: [], duties: null })}>添加工作组</Button>
        </Flex>
      )}</Form.List>
      <Divider titlePlacement="start">响应级别与启动条件（满足任一条件即启动）</Divider>
      <Form.List name="levels">{(fields, { add, remove }) => (
        <Flex vertical gap={8}>
          {fields.map((f) => (
            <Card key={f.key} size="small" extra={<Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="删除级别" />}>
              <Row gutter={12}>
                <Col xs={24} md={6}><Form.Item name={[f.name, 'level']} label="级别" rules={[{ required: true }]}><Select options={LEVEL_OPTIONS} /></Form.Item></Col>
                <Col xs={24} md={18}><Form.Item name={[f.name, 'name']} label="名称" rules={[{ required: true }]}><Input /></Form.Item></Col>
              </Row>
              <Form.List name={[f.name, 'triggers', 'thresholds']}>{(ths, th) => (
                <Flex vertical gap={4} style={{ marginBottom: 12 }}>
                  {ths.map((t) => (
                    <Flex key={t.key} gap={8} wrap align="center">
                      <Form.Item name={[t.name, 'metric']} noStyle rules={[{ required: true }]}><Select style={{ width: 220 }} options={optionsOf(TRIGGER_METRICS)} /></Form.Item>
                      <span>≥</span>
                      <Form.Item name={[t.name, 'min']} noStyle rules={[{ required: true }]}><InputNumber min={0} /></Form.Item>
                      <Button type="text" danger icon={<DeleteOutlined />} onClick={() => th.remove(t.name)} aria-label="删除条件" />
                    </Flex>
                  ))}
                  <div><Button size="small" icon={<PlusOutlined />} onClick={() => th.add({ metric: 'deadMissing', min: 1 })}>添加量化条件</Button></div>
                </Flex>
              )}</Form.List>
              <Row gutter={12}>
                <Col xs={24} md={8}><Form.Item name={[f.name, 'triggers', 'grades']} label="事件等级"><Select mode="multiple" options={optionsOf(INCIDENT_GRADES)} /></Form.Item></Col>
                <Col xs={24} md={8}><Form.Item name={[f.name, 'triggers', 'kinds']} label="仅适用于（不选为全部）"><Select mode="multiple" options={optionsOf(INCIDENT_KINDS)} /></Form.Item></Col>
                <Col xs={24} md={8}>
                  <Form.Item name={[f.name, 'triggers', 'beyondTownCapacity']} valuePropName="checked" style={{ marginBottom: 0 }}><Checkbox>超出乡镇处置能力</Checkbox></Form.Item>
                  <Form.Item name={[f.name, 'triggers', 'beyondCountyCapacity']} valuePropName="checked"><Checkbox>超出县级处置能力</Checkbox></Form.Item>
                </Col>
              </Row>
              <Form.Item name={[f.name, 'triggers', 'text']} label="其他启动条件（文字）" style={{ marginBottom: 0 }}><Input.TextArea rows={2} /></Form.Item>
            </Card>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({ level: 4, name: 'Ⅳ级应急响应', triggers: { thresholds: [], grades: [], beyondTownCapacity: false, beyondCountyCapacity: false, kinds: [], text: '' } })}>添加响应级别</Button>
        </Flex>
      )}</Form.List>
      <Divider titlePlacement="start">行动措施</Divider>
      <Form.List name="actions">{(fields, { add, remove }) => (
        <Flex vertical gap={4}>
          {fields.map((f) => (
            <Flex key={f.key} gap={8} wrap align="start">
              <Form.Item name={[f.name, 'id']} hidden><Input /></Form.Item>
              <Form.Item name={[f.name, 'level']} rules={[{ required: true }]} style={{ width: 110, marginBottom: 4 }}><Select options={LEVEL_OPTIONS.map((o) => ({ ...o, label: levelName(o.value) }))} /></Form.Item>
              <Form.Item name={[f.name, 'role']} rules={[{ required: true, message: '选择工作组' }]} style={{ width: 160, marginBottom: 4 }}>
                <Select showSearch options={[{ value: '总指挥', label: '总指挥' }, ...groups.filter((g) => g?.name).map((g) => ({ value: g.name, label: g.name }))]} />
              </Form.Item>
              <Form.Item name={[f.name, 'action']} rules={[{ required: true, message: '填写措施' }]} style={{ flex: '1 1 260px', marginBottom: 4 }}><Input placeholder="行动措施" /></Form.Item>
              <Form.Item name={[f.name, 'dueMinutes']} style={{ width: 140, marginBottom: 4 }}><InputNumber min={0} placeholder="时限（分钟）" style={{ width: '100%' }} /></Form.Item>
              <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="删除措施" />
            </Flex>
          ))}
          <div><Button icon={<PlusOutlined />} onClick={() => add({ id: '', level: 4, role: groups[0]?.name, action: '', dueMinutes: null })}>添加行动措施</Button></div>
        </Flex>
      )}</Form.List>
      <Flex gap={8} style={{ marginTop: 16 }}>
        <Button type="primary" htmlType="submit" loading={save.isPending}>保存</Button>
        <Button onClick={onDone}>取消</Button>
      </Flex>
    </Form>
  );
}
