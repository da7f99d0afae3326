// Renders the tab slots of app/enterprise-tabs.ts: in order, only those the account may see, each
// loaded when first opened. The open tab is kept in the URL (?tab=licences) so that it can be linked to.
import { lazy, Suspense, useMemo, type LazyExoticComponent, type ComponentType } from 'react';
import { useSearchParams } from 'react-router';
import { Card, Spin, Tabs } from 'antd';
import { ENTERPRISE_TABS, type EnterpriseTabProps } from '../../../app/enterprise-tabs';
import { useMe } from '../../../app/session';

// One lazy component per tab for the whole session (React requires a stable lazy component).
const LAZY = new Map<string, LazyExoticComponent<ComponentType<EnterpriseTabProps>>>(
  ENTERPRISE_TABS.map((tab) => [tab.key, lazy(tab.load)]),
);

export function EnterpriseTabs({ enterpriseId }: { enterpriseId: string }) {
  const me = useMe();
  const [search, setSearch] = useSearchParams();
  const tabs = useMemo(
    () => ENTERPRISE_TABS.filter((t) => !t.perm || me.permissions.includes(t.perm)).sort((a, b) => a.order - b.order),
    [me.permissions],
  );
  const asked = search.get('tab');
  const active = tabs.some((t) => t.key === asked) ? asked! : tabs[0]?.key;

  return (
    <Card styles={{ body: { paddingTop: 4 } }}>
      <Tabs activeKey={active} onChange={(key) => setSearch((prev) => { const next = new URLSearchParams(prev); next.set('tab', key); return next; }, { replace: true })}
        items={tabs.map((tab) => {
          const Tab = LAZY.get(tab.key)!;
          return {
            key: tab.key,
            label: tab.label,
            children: (
              <Suspense fallback={<Spin style={{ display: 'block', padding: 48 }} />}>
                <Tab enterpriseId={enterpriseId} />
              </Suspense>
            ),
          };
        })} />
    </Card>
  );
}
