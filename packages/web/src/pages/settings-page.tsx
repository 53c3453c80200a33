// Settings: a section list and the chosen section, each section its own lazy chunk. Admins see
// every section; everyone else sees only their own security (two-factor). The server refuses
// every admin route to non-admins anyway (docs/security.md); hiding them keeps the page honest.
import { Alert, Box, Group, Loader, NativeSelect, NavLink, Title } from '@mantine/core';
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, NavLink as RouterLink, Route, Routes, useLocation, useNavigate } from 'react-router';
import { useSession } from '../session/use-session';

const FieldsSection = lazy(() => import('../settings/fields-section'));
const ObjectsSection = lazy(() => import('../settings/objects-section'));
const PipelinesSection = lazy(() => import('../settings/pipelines-section'));
const MembersSection = lazy(() => import('../settings/members-section'));
const TeamsSection = lazy(() => import('../settings/teams-section'));
const RolesSection = lazy(() => import('../settings/roles-section'));
const ApiKeysSection = lazy(() => import('../settings/api-keys-section'));
const SecuritySection = lazy(() => import('../settings/security-section'));

const ADMIN_SECTIONS = [
  { path: 'fields', label: 'Fields' },
  { path: 'objects', label: 'Custom objects' },
  { path: 'pipelines', label: 'Pipelines' },
  { path: 'members', label: 'Members and invitations' },
  { path: 'teams', label: 'Teams' },
  { path: 'roles', label: 'Roles and permissions' },
  { path: 'api-keys', label: 'API keys' },
];

export function SettingsPage() {
  const session = useSession();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const isAdmin = Boolean(session.data?.permissions.isAdmin);
  const sections = [...(isAdmin ? ADMIN_SECTIONS : []), { path: 'security', label: 'Security' }];
  const current = sections.find((section) => pathname.startsWith(`/settings/${section.path}`));
  const adminOnly = (element: ReactNode) => (isAdmin ? element : <Alert color="gray" role="alert">Only admins change workspace settings.</Alert>);

  return (
    <Box>
      <Title order={2} mb="sm">Settings</Title>
      <Group align="flex-start" gap="lg" wrap="wrap">
        <NativeSelect hiddenFrom="sm" w="100%" label="Section" value={current?.path ?? ''} onChange={(event) => navigate(`/settings/${event.currentTarget.value}`)}
          data={sections.map((section) => ({ value: section.path, label: section.label }))} />
        <Box component="nav" aria-label="Settings" visibleFrom="sm" w={210}>
          {sections.map((section) => (
            <NavLink key={section.path} component={RouterLink} to={`/settings/${section.path}`} label={section.label} active={section === current} />
          ))}
        </Box>
        <Box style={{ flex: '1 1 320px', minWidth: 0 }}>
          <Suspense fallback={<Loader aria-label="Loading settings" />}>
            <Routes>
              <Route index element={<Navigate to={isAdmin ? 'fields' : 'security'} replace />} />
              <Route path="fields/:object?" element={adminOnly(<FieldsSection />)} />
              <Route path="objects" element={adminOnly(<ObjectsSection />)} />
              <Route path="pipelines" element={adminOnly(<PipelinesSection />)} />
              <Route path="members" element={adminOnly(<MembersSection />)} />
              <Route path="teams" element={adminOnly(<TeamsSection />)} />
              <Route path="roles/:role?" element={adminOnly(<RolesSection />)} />
              <Route path="api-keys" element={adminOnly(<ApiKeysSection />)} />
              <Route path="security" element={<SecuritySection />} />
              <Route path="*" element={<Navigate to="/settings" replace />} />
            </Routes>
          </Suspense>
        </Box>
      </Group>
    </Box>
  );
}
