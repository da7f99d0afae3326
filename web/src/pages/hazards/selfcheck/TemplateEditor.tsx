// 管理检查表 (regulators): the self-check templates with their version; add, edit (items and the articles they cite) or
// switch off a template. Each save is a new version — checks already filled keep the version they were judged by.
import { useState } from 'react';
import { App, Button, Card, Drawer, Flex, Form, Input, List, Modal, Select, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/mutation';
import { CitesField } from '../../law/CitesField';
import { citesBody, type CiteValue } from '../../law/lawApi';
import { CHECK_FREQUENCIES, optionsOf, SECTOR_OPTIONS, sectorLabel } from '../codes';
import { CHECK_TEMPLATES, type CheckTemplate } from '../hazardApi';

interface ItemValues { code: string; text: string; basis?: string; cites?: CiteValue[] }
interface Values { sector: string; name: string; frequency: CheckTemplate['frequency']; items: ItemValues[] }

function TemplateForm({ template, onClose }: { template: CheckTemplate | 'new'; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const creating = template === 'new';
  const save = useApiMutation((v: Values) => {
    const body = { ...v, items: v.items.map((i) => ({ code: i.code.trim(), text: i.text.trim(), ...(i.basis?.trim() ? { basis: i.basis.trim() } : {}), cites: citesBody(i.cites) ?? [] })) };
    return creating ? api.post<CheckTemplate>(CHECK_TEMPLATES, body) : api.put<CheckTemplate>(`${CHECK_TEMPLATES}/${template.id}`, body);
  }, { invalidate: [CHECK_TEMPLATES], success: (t) => `检查表已保存（第 ${t.version ?? 1} 版）`, onSuccess: onClose });
  const initial: Partial<Values> = creating ? { frequency: 'daily', items: [{ code: '', text: '' }] } : { sector: template.sector, name: template.name, frequency: template.frequency, items: template.items };
  return (
    <Modal title={creating ? '新建检查表' : `修改检查表：${template.name}`} open onCancel={onClose} onOk={() => form.submit()} okText="保存" confirmLoading={save.isPending} width={760} destroyOnHidden>
      {!creating && <Typography.Paragraph type="secondary">保存后为第 {(template.version ?? 1) + 1} 版；已提交的自查记录保留其检查时的版本和依据。</Typography.Paragraph>}
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)}>
        <Flex gap={12} wrap>
          <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请填写名称' }, { min: 2, max: 100, message: '2–100 字' }]} style={{ flex: 2, minWidth: 240 }}><Input /></Form.Item>
          <Form.Item name="sector" label="行业" rules={[{ required: true, message: '请选择行业' }]} style={{ flex: 1, minWidth: 140 }}><Select options={SECTOR_OPTIONS} /></Form.Item>
          <Form.Item name="frequency" label="频次" rules={[{ required: true }]} style={{ width: 120 }}><Select options={optionsOf(CHECK_FREQUENCIES)} /></Form.Item>
        </Flex>
        <Form.List name="items" rules={[{ validator: async (_, items?: ItemValues[]) => { if (!items?.length) throw new Error('至少一个检查项'); } }]}>
          {(fields, { add, remove }, { errors }) => (
            <Flex vertical gap={8}>
              {fields.map((f, k) => (
                <Card key={f.key} size="small" data-testid={`template-item-${k}`} title={`检查项 ${k + 1}`}
                  extra={<Button size="small" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={`删除检查项 ${k + 1}`}>删除</Button>}>
                  <Flex gap={8} wrap>
                    <Form.Item name={[f.name, 'code']} label="编号" rules={[{ required: true, whitespace: true, message: '请填写编号' }, { max: 20, message: '最多 20 字' }]} style={{ width: 110 }}><Input /></Form.Item>
                    <Form.Item name={[f.name, 'text']} label="检查内容" rules={[{ required: true, whitespace: true, message: '请填写检查内容' }, { max: 300, message: '最多 300 字' }]} style={{ flex: 1, minWidth: 240 }}><Input /></Form.Item>
                  </Flex>
                  <Form.Item name={[f.name, 'basis']} label="依据（文字）" rules={[{ max: 200, message: '最多 200 字' }]}><Input placeholder="如：令10号 第11条(三)" /></Form.Item>
                  <Form.Item name={[f.name, 'cites']} label="引用条文" style={{ marginBottom: 0 }}><CitesField /></Form.Item>
                </Card>
              ))}
              <Form.ErrorList errors={errors} />
              <Button icon={<PlusOutlined />} onClick={() => add({ code: '', text: '' })}>添加检查项</Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

/** The drawer listing templates to edit; `templates` are the active ones as the page loaded them. */
export function TemplatesDrawer({ open, onClose, templates }: { open: boolean; onClose: () => void; templates: CheckTemplate[] }) {
  const { modal } = App.useApp();
  const [editing, setEditing] = useState<CheckTemplate | 'new'>();
  const off = useApiMutation((id: string) => api.del(`${CHECK_TEMPLATES}/${id}`), { invalidate: [CHECK_TEMPLATES], success: '检查表已停用' });
  return (
    <Drawer title="管理检查表" open={open} onClose={onClose} width={560} extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>新建检查表</Button>}>
      <List dataSource={templates} rowKey="id" renderItem={(t) => (
        <List.Item actions={[
          <Button key="e" size="small" onClick={() => setEditing(t)}>编辑</Button>,
          <Button key="d" size="small" danger onClick={() => modal.confirm({ title: `停用“${t.name}”？`, content: '停用后企业不能再用它自查；已有记录保留。', okText: '停用', cancelText: '取消',
            onOk: () => off.mutateAsync(t.id).catch(() => undefined) })}>停用</Button>,
        ]}>
          <List.Item.Meta title={t.name} description={<>{sectorLabel(t.sector) || t.sector} · {CHECK_FREQUENCIES[t.frequency]} · {t.items.length} 项 <Tag>第 {t.version ?? 1} 版</Tag></>} />
        </List.Item>
      )} />
      {editing && <TemplateForm template={editing} onClose={() => setEditing(undefined)} />}
    </Drawer>
  );
}
