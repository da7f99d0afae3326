// One source: its versions and when each was in force, the articles of the chosen version, what cites it (to review after
// it is replaced), and — for editors — import of a version's text, correction of an article and replacement.
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, Button, Card, Descriptions, Flex, Select, Table, Tag } from 'antd';
import { useMe } from '../../app/session';
import { FullPageSpin } from '../../components/FullPageSpin';
import { PageHeader } from '../../components/PageHeader';
import { PagedTable } from '../../components/list/PagedTable';
import { ArticleEditor } from './ArticleEditor';
import { CitingCard } from './CitingCard';
import { ImportDrawer } from './ImportDrawer';
import { ReplaceButton } from './ReplaceButton';
import { ARTICLES, paths, useSource, type Article } from './lawApi';

export default function SourcePage() {
  const { id } = useParams();
  const me = useMe();
  const q = useSource(id);
  const [versionId, setVersionId] = useState<string>();
  const [importing, setImporting] = useState(false);
  const [editing, setEditing] = useState<Article>();
  if (q.isLoading) return <FullPageSpin />;
  if (!q.data) return <Alert type="error" showIcon title="无法加载法规标准" description={q.error?.message} />;
  const s = q.data;
  const editor = me.permissions.includes('law:write');
  const current = versionId ?? s.versions.find((v) => v.inForce)?.id ?? s.versions[0]?.id;
  return (
    <>
      <PageHeader title={<Flex wrap gap={8} align="center">{s.title}<Tag color={s.status === 'in_force' ? 'success' : s.status === 'pending' ? 'processing' : 'default'}>{s.statusLabel}</Tag></Flex>}
        extra={editor && <><Button type="primary" onClick={() => setImporting(true)}>导入新版本文本</Button><ReplaceButton source={s} /></>}>
        {s.docNumber} · {s.issuer}
      </PageHeader>
      {s.unconfirmed && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="本条目的信息尚未与官方文本核对" description={s.note} />}
      {s.replacedBy && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={<>自 {s.repealedOn} 起由 <Link to={paths.source(s.replacedBy.id)}>《{s.replacedBy.title}》（{s.replacedBy.docNumber}）</Link> 取代</>}
        description="引用本法规的违法行为、检查项和隐患类别列在下方“引用与复核”中；已作出的处罚记录保留其当时依据的版本。" />}
      <Card size="small" title="版本" style={{ marginBottom: 12 }}>
        <Table rowKey="id" size="small" pagination={false} dataSource={s.versions} scroll={{ x: 'max-content' }}
          locale={{ emptyText: editor ? '还没有版本：点击“导入新版本文本”，粘贴或上传法规全文。' : '还没有录入版本。' }}
          columns={[{ title: '版本', dataIndex: 'label' }, { title: '文号', dataIndex: 'docNumber', render: (v) => v ?? '—' }, { title: '公布', dataIndex: 'issuedOn', render: (v) => v ?? '—' },
            { title: '施行期间', key: 'p', render: (_, v) => `${v.effectiveFrom} 起${v.effectiveTo ? ` 至 ${v.effectiveTo} 前` : ''}` },
            { title: '条文数', dataIndex: 'articleCount' }, { title: '', key: 'f', render: (_, v) => v.inForce && <Tag color="success">现行</Tag> }]} />
      </Card>
      {s.note && !s.unconfirmed && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={s.note} />}
      <Card size="small" style={{ marginBottom: 12 }} title={<Flex wrap gap={8} align="center">条文
        <Select size="small" value={current} style={{ minWidth: 160 }} onChange={setVersionId} options={s.versions.map((v) => ({ value: v.id, label: v.label }))} /></Flex>}>
        {current ? (
          <PagedTable<Article> path={ARTICLES} params={{ versionId: current }} filters={[{ kind: 'search', name: 'q', placeholder: '在本版本中检索' }]} rowKey="id"
            emptyText={editor ? '该版本还没有条文：导入文本后保存。' : '该版本还没有条文。'}
            columns={[
              { title: '章节', dataIndex: 'chapter', render: (v) => v ?? '—', responsive: ['md'] },
              { title: '条', dataIndex: 'label', width: 120 },
              { title: '内容', dataIndex: 'text', render: (v: string) => <div style={{ whiteSpace: 'pre-wrap', maxWidth: 720 }}>{v}</div> },
              ...(editor ? [{ title: '', key: 'e', render: (_: unknown, a: Article) => <Button size="small" onClick={() => setEditing(a)}>校正</Button> }] : []),
            ]} />
        ) : <Descriptions size="small" items={[{ label: '条文', children: '暂无版本' }]} />}
      </Card>
      <CitingCard sourceId={s.id} editor={editor} />
      {editor && <ImportDrawer source={s} open={importing} onClose={() => setImporting(false)} />}
      {editing && <ArticleEditor article={editing} onClose={() => setEditing(undefined)} />}
    </>
  );
}
