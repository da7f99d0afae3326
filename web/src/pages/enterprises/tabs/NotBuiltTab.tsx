// The tab of a capability not built yet: the shared <NotBuilt> placeholder, saying what it will show.
import type { ComponentType } from 'react';
import type { EnterpriseTabProps } from '../../../app/enterprise-tabs';
import { NotBuilt } from '../../../components/NotBuilt';

/** A tab component that shows <NotBuilt> for `title` with `summary`. */
export function notBuiltTab(title: string, summary: string): ComponentType<EnterpriseTabProps> {
  const entry = { path: '', title, perm: 'enterprise:read' as const, summary };
  return function NotBuiltTab() {
    return <NotBuilt entry={entry} />;
  };
}
