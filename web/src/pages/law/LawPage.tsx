// 法律法规标准库: search articles by words or by citation (安全生产法第九十九条, 第99条) as of a day, and browse the sources.
import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Tabs, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMe } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { PagedTable } from '../../components/list/PagedTable';
import type { FilterDef } from '../../components/list/FilterBar';
import { ArticleCite } from './ArticleCite';
import { HazardCategoriesTab } from './HazardCategoriesTab';
import { SourceForm } from './SourceForm';
import { ARTICLES, optionsOf, paths, SOURCE_KINDS, SOURCE_STATUSES, SOURCES, type Article, type Source } from './lawApi';

const ARTICLE_FILTERS: FilterDef[] = [
  { kind: 'search', name: 'q', placeholder: '词语，或“安全生产法第九十九条”“第99条”', width: 300 },
  { kind: 'select', name: 'kind', placeholder: '类别', options: optionsOf(SOURCE_KINDS) },
];
const SOURCE_FILTERS: FilterDef[] = [
  { kind: 'search', name: 'q', placeholder: '名称、简称或文号（如 GB 18218）', width: 260 },
  { kind: 'select', name: 'kind', placeholder: '类别', options: optionsOf(SOURCE_KINDS) },
  { kind: 'select', name: 'status', placeholder: '状态', options: optionsOf(SOURCE_STATUSES) },
];
const STATUS_COLOURS: Record<string, string> = { in_force: 'success', pending: 'processing', repealed: 'default' };

export default function LawPage() {
  const me = useMe();
  const [tab, setTab] = useState('articles');
  const [adding, setAdding] = useState(false);
  return (
    <>
      <PageHeader title="法律法规标准库" extra={me.permissions.includes('law:write') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>新增法规标准</Button>}>
        检查表、隐患、执法文书和处罚均引用这里的条文。检索默认只查今天施行的版本；历史版本在各法规的详情页中查看。
      </PageHeader>
      <Tabs activeKey={tab} onChange={setTab} destroyOnHidden items={[
        { key: 'articles', label: '条文检索', children: (
          <PagedTable<Article> path={ARTICLES} filters={ARTICLE_FILTERS} rowKey="id" emptyText="库中还没有条文：在“法规标准目录”中打开一部法规，导入其文本。"
            columns={[
              { title: '条文', key: 'cite', width: 240, render: (_, a) => <ArticleCite article={a} /> },
              { title: '内容', dataIndex: 'text', render: (v: string) => <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0, maxWidth: 640 }}>{v}</Typography.Paragraph> },
              { title: '版本', key: 'v', render: (_, a) => <Link to={paths.source(a.sourceId)}>{a.version}</Link> },
            ]} />
        ) },
        { key: 'sources', label: '法规标准目录', children: (
          <PagedTable<Source> path={SOURCES} filters={SOURCE_FILTERS} rowKey="id" emptyText="还没有法规标准，请点击“新增法规标准”。"
            columns={[
              { title: '名称', key: 't', render: (_, s) => <Link to={paths.source(s.id)}>{s.title}</Link> },
              { title: '文号/标准号', dataIndex: 'docNumber', render: (v) => v ?? '—' },
              { title: '类别', dataIndex: 'kindLabel' },
              { title: '施行', dataIndex: 'effectiveFrom', render: (v) => v ?? '—' },
              { title: '状态', key: 's', render: (_, s) => <><Tag color={STATUS_COLOURS[s.status]}>{s.statusLabel}</Tag>{s.replacedBy && <span>由《{s.replacedBy.title}》取代</span>}</> },
              { title: '条文数', dataIndex: 'articleCount' },
            ]} />
        ) },
        ...(me.permissions.includes('hazard:read') ? [{ key: 'categories', label: '隐患类别', children: <HazardCategoriesTab /> }] : []),
      ]} />
      <SourceForm open={adding} onClose={() => setAdding(false)} />
    </>
  );
}
