// The signed-in user's menu: their workspaces (switching opens a new session), settings (admins),
// their own security (two-factor) and sign-out.
import { Avatar, Menu, UnstyledButton } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { signOut, switchWorkspace } from '../api/session';
import type { Session } from '../api/types';

export function UserMenu({ session }: { session: Session }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const others = session.workspaces.filter((workspace) => workspace.id !== session.workspace.id);
  const initials = (session.user.name || session.user.email).split(/\s+/).map((part) => part[0]).join('').slice(0, 2).toUpperCase();

  const leave = async () => {
    await signOut().catch(() => undefined); // an expired session is signed out already
    queryClient.clear();
    navigate('/sign-in', { replace: true });
  };
  const open = async (slug: string) => {
    await switchWorkspace(slug);
    queryClient.clear();
    navigate('/', { replace: true });
  };

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={`Account menu for ${session.user.name || session.user.email}`}>
          <Avatar radius="xl" size="sm" color="indigo">{initials}</Avatar>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{session.user.email}</Menu.Label>
        {others.length > 0 && <Menu.Label>Switch workspace</Menu.Label>}
        {others.map((workspace) => (
          <Menu.Item key={workspace.id} onClick={() => open(workspace.slug)}>{workspace.name}</Menu.Item>
        ))}
        <Menu.Divider />
        {session.permissions.isAdmin && <Menu.Item onClick={() => navigate('/settings')}>Settings</Menu.Item>}
        <Menu.Item onClick={() => navigate('/settings/security')}>Security</Menu.Item>
        <Menu.Item onClick={leave}>Sign out</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
