// The filter bar of the enterprise list and map: the first row at once, the rest behind 更多筛选;
// on a phone the search box and a 筛选 button that opens every filter in a drawer.
import { useState } from 'react';
import { Badge, Button, Col, Drawer, Flex, Form, Grid, Row } from 'antd';
import { DownOutlined, FilterOutlined, UpOutlined } from '@ant-design/icons';
import { LinkedFilterTags, pick } from '../../../components/list/LinkedFilters';
import { filterFields } from './filterFields';
import type { useEnterpriseFilters } from './useEnterpriseFilters';

type Filters = Pick<ReturnType<typeof useEnterpriseFilters>, 'values' | 'set' | 'clear' | 'active'>;

export function EnterpriseFilterBar({ filters }: { filters: Filters }) {
  const phone = Grid.useBreakpoint().md === false;
  const [more, setMore] = useState(false);
  const [drawer, setDrawer] = useState(false);
  const fields = filterFields(filters.values, filters.set);
  const hiddenActive = fields.filter((f) => !f.primary && filters.values[f.key as keyof typeof filters.values]).length;

  if (phone) {
    const [search, ...rest] = fields;
    return (
      <>
        <Flex gap={8} style={{ marginBottom: 12 }}>
          <div style={{ flex: 1, minWidth: 0 }}>{search.node}</div>
          <Badge count={filters.active - (filters.values.q ? 1 : 0)} size="small">
            <Button icon={<FilterOutlined />} onClick={() => setDrawer(true)}>筛选</Button>
          </Badge>
        </Flex>
        <Drawer placement="bottom" open={drawer} onClose={() => setDrawer(false)} title="筛选企业" size="85%"
          extra={<Button type="link" onClick={filters.clear} disabled={!filters.active}>清除</Button>}
          footer={<Button type="primary" block onClick={() => setDrawer(false)}>查看结果</Button>}>
          <Form layout="vertical">
            {rest.map((f) => <Form.Item key={f.key} label={f.label} style={{ marginBottom: 12 }}>{f.node}</Form.Item>)}
          </Form>
        </Drawer>
      </>
    );
  }

  const shown = fields.filter((f) => f.primary || more);
  return (
    <>
    <LinkedFilterTags defs={pick('statusChange', 'changedFrom', 'changedTo', 'establishedFrom', 'establishedTo')} values={filters.values}
      onClear={(name) => filters.set({ [name]: undefined })} />
    <Row gutter={[12, 12]} style={{ marginBottom: 12 }} data-testid="enterprise-filters">
      {shown.map((f) => <Col key={f.key} xs={24} md={12} lg={8} xl={f.key === 'q' ? 7 : 4}>{f.node}</Col>)}
      <Col flex="none">
        <Flex gap={4}>
          <Badge count={more ? 0 : hiddenActive} size="small">
            <Button type="link" onClick={() => setMore(!more)} icon={more ? <UpOutlined /> : <DownOutlined />} iconPlacement="end">
              {more ? '收起' : '更多筛选'}
            </Button>
          </Badge>
          {filters.active > 0 && <Button type="link" onClick={filters.clear}>清除筛选</Button>}
        </Flex>
      </Col>
    </Row>
    </>
  );
}
