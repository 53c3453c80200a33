// Links to the home page, the deal board and the relationship dashboard, then to every object
// the user may read, from the workspace's definitions: standard objects first, then custom ones.
import { Alert, Divider, NavLink, Skeleton, Stack } from '@mantine/core';
import { NavLink as RouterLink, useLocation } from 'react-router';
import { describeError } from '../api/problem';
import type { Session } from '../api/types';
import { can } from '../session/use-session';
import { useObjects } from '../session/use-objects';

export function Navigation({ session }: { session: Session }) {
  const objects = useObjects();
  const { pathname } = useLocation();
  if (objects.isLoading) return <Stack gap={6}>{Array.from({ length: 8 }, (_, i) => <Skeleton key={i} h={28} />)}</Stack>;
  if (objects.error) return <Alert color="red" title="Objects could not be loaded">{describeError(objects.error)}</Alert>;
  const readable = (objects.data ?? []).filter((object) => can(session, object.name, 'read'));
  const standard = readable.filter((object) => !object.isCustom);
  const custom = readable.filter((object) => object.isCustom);
  const link = (to: string, label: string) => (
    <NavLink key={to} component={RouterLink} to={to} label={label} active={pathname === to || pathname.startsWith(`${to}/`)} />
  );
  // A list of links, not a landmark of its own: the app shell's navbar is the navigation.
  return (
    <div>
      <NavLink component={RouterLink} to="/" label="Home" active={pathname === '/'} />
      {can(session, 'deals', 'read') && link('/deals/board', 'Deal board')}
      {can(session, 'cases', 'read') && link('/cases/board', 'Case board')}
      {can(session, 'people', 'read') && link('/relationship', 'Relationship')}
      <Divider my={6} />
      {standard.map((object) => link(`/objects/${object.name}`, object.labelPlural))}
      {custom.length > 0 && <Divider my={6} label="Custom" labelPosition="left" />}
      {custom.map((object) => link(`/objects/${object.name}`, object.labelPlural))}
      {session.permissions.isAdmin && <><Divider my={6} />{link('/settings', 'Settings')}</>}
    </div>
  );
}
