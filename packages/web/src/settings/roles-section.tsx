// Roles and permissions: built-in roles shown read-only, custom roles edited as a grid of
// object × action (read, create, update, delete, import, export) with the record visibility and
// the hidden fields per object. The “Any other object” row is the role's `*` grant; an object
// row is saved only where it differs from it, so objects added later follow that row.
import { Alert, Button, Center, Checkbox, Group, Modal, MultiSelect, Select, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { NavLink as RouterLink, useNavigate, useParams } from 'react-router';
import { createRole, deleteRole, listRoles, saveRole, type Grant, type Role, type Visibility } from '../api/settings';
import type { Action, ObjectDescription } from '../api/types';
import { useObjects } from '../session/use-objects';
import { apiNameOf } from './api-name';
import { fieldError, ProblemAlert } from './problem-alert';

const ACTIONS: Action[] = ['read', 'create', 'update', 'delete', 'import', 'export'];
const VISIBILITIES: { value: Visibility; label: string }[] = [{ value: 'own', label: 'Own' }, { value: 'team', label: 'Team' }, { value: 'all', label: 'All' }];
const ANY = '*';
const NONE: Grant = { actions: [], visibility: 'all' };
const ROLES_KEY = ['settings', 'roles'];

export default function RolesSection() {
  const roles = useQuery({ queryKey: ROLES_KEY, queryFn: listRoles });
  const params = useParams();
  const navigate = useNavigate();
  const [isCreating, setCreating] = useState(false);
  const list = roles.data ?? [];
  const role = list.find((candidate) => candidate.name === params.role) ?? list[0];

  return (
    <Stack gap="md">
      <ProblemAlert error={roles.error} />
      <Group gap={6} wrap="wrap" component="nav" aria-label="Roles">
        {list.map((candidate) => (
          <Button key={candidate.name} component={RouterLink} to={`/settings/roles/${candidate.name}`} size="compact-sm" radius="xl"
            variant={candidate === role ? 'filled' : 'default'} aria-current={candidate === role ? 'page' : undefined}
            rightSection={candidate.isBuiltIn ? <Text span size="xs" c={candidate === role ? 'white' : 'dimmed'}>built-in</Text> : undefined}>
            {candidate.label}
          </Button>
        ))}
        <Button size="compact-sm" radius="xl" variant="light" onClick={() => setCreating(true)}>New role</Button>
      </Group>
      {role && <RoleEditor key={role.name} role={role} onDeleted={() => navigate('/settings/roles')} />}
      <Modal opened={isCreating} onClose={() => setCreating(false)} title="New role">
        {isCreating && <NewRoleForm roles={list} onDone={(name) => { setCreating(false); if (name) navigate(`/settings/roles/${name}`); }} />}
      </Modal>
    </Stack>
  );
}

/** Grid rows: the `*` row, every object, and any other grant the role carries (such as analytics). */
function rowsOf(role: Role, objects: ObjectDescription[]): { key: string; label: string; object?: ObjectDescription }[] {
  const known = new Set(objects.map((object) => object.name));
  return [
    { key: ANY, label: 'Any other object' },
    ...objects.map((object) => ({ key: object.name, label: object.labelPlural, object })),
    ...Object.keys(role.grants).filter((key) => key !== ANY && !known.has(key)).map((key) => ({ key, label: key })),
  ];
}

function sameGrant(a: Grant, b: Grant): boolean {
  return a.visibility === b.visibility && [...a.actions].sort().join() === [...b.actions].sort().join() && (a.hiddenFields ?? []).join() === (b.hiddenFields ?? []).join();
}

function RoleEditor({ role, onDeleted }: { role: Role; onDeleted: () => void }) {
  const queryClient = useQueryClient();
  const objects = useObjects();
  const rows = useMemo(() => rowsOf(role, objects.data ?? []), [role, objects.data]);
  const isReadOnly = Boolean(role.isBuiltIn);
  const effective = (grants: Record<string, Grant>, key: string): Grant => grants[key] ?? (key === ANY ? NONE : grants[ANY] ?? NONE);
  const [label, setLabel] = useState(role.label);
  const [description, setDescription] = useState(role.description ?? '');
  const [grants, setGrants] = useState<Record<string, Grant>>(() => Object.fromEntries(rows.map((row) => [row.key, effective(role.grants, row.key)])));
  useEffect(() => setGrants(Object.fromEntries(rows.map((row) => [row.key, effective(role.grants, row.key)]))), [rows, role.grants]);
  const change = (key: string, next: Partial<Grant>) => setGrants((current) => ({ ...current, [key]: { ...effective(current, key), ...next } }));
  const toggle = (key: string, action: Action, isOn: boolean) => {
    const actions = new Set(effective(grants, key).actions);
    if (isOn) actions.add(action); else actions.delete(action);
    // Any action needs read; taking read away takes the rest with it.
    if (isOn && action !== 'read') actions.add('read');
    if (!isOn && action === 'read') actions.clear();
    change(key, { actions: ACTIONS.filter((candidate) => actions.has(candidate)) });
  };
  const save = useMutation({
    mutationFn: () => {
      const any = effective(grants, ANY);
      const kept = Object.entries(grants).filter(([key, grant]) => key === ANY || !sameGrant(grant, any));
      const clean = Object.fromEntries(kept.map(([key, grant]) => [key, { actions: grant.actions, visibility: grant.visibility, ...(grant.hiddenFields?.length ? { hiddenFields: grant.hiddenFields } : {}) }]));
      return saveRole({ name: role.name, label, description, grants: clean });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ROLES_KEY }),
  });
  const remove = useMutation({
    mutationFn: () => deleteRole(role.name),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ROLES_KEY });
      onDeleted();
    },
  });

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <div>
          <Title order={3} size="h4">{role.label} <Text span c="dimmed" ff="monospace" size="sm">{role.name}</Text></Title>
          {role.description && <Text size="sm" c="dimmed">{role.description}</Text>}
        </div>
        {!isReadOnly && <Button color="red" variant="subtle" onClick={() => remove.mutate()} loading={remove.isPending}>Delete role</Button>}
      </Group>
      {isReadOnly && <Alert color="gray">Built-in roles cannot be changed. Create a custom role to grant something different.</Alert>}
      {role.isAdmin && <Alert color="indigo">Admins may also change settings, members, roles, API keys and read the audit log.</Alert>}
      {!isReadOnly && (
        <Group grow align="flex-start" wrap="wrap">
          <TextInput label="Label" value={label} onChange={(event) => setLabel(event.currentTarget.value)} error={fieldError(save.error, 'label')} />
          <Textarea label="Description" autosize minRows={1} value={description} onChange={(event) => setDescription(event.currentTarget.value)} />
        </Group>
      )}
      <Table.ScrollContainer minWidth={860}>
        <Table aria-label={`Permissions of ${role.label}`} striped withTableBorder verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Object</Table.Th>
              {ACTIONS.map((action) => <Table.Th key={action} ta="center" tt="capitalize">{action}</Table.Th>)}
              <Table.Th>Visibility</Table.Th>
              <Table.Th>Hidden fields</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => {
              const grant = effective(grants, row.key);
              return (
                <Table.Tr key={row.key} data-grant={row.key}>
                  <Table.Th scope="row" fw={row.key === ANY ? 700 : 500}>{row.label}</Table.Th>
                  {ACTIONS.map((action) => (
                    <Table.Td key={action}>
                      <Center>
                        <Checkbox aria-label={`${row.label}: ${action}`} checked={grant.actions.includes(action)} disabled={isReadOnly}
                          onChange={(event) => toggle(row.key, action, event.currentTarget.checked)} />
                      </Center>
                    </Table.Td>
                  ))}
                  <Table.Td>
                    <Select size="xs" w={90} aria-label={`${row.label}: visibility`} data={VISIBILITIES} value={grant.visibility} allowDeselect={false}
                      disabled={isReadOnly} onChange={(value) => value && change(row.key, { visibility: value as Visibility })} comboboxProps={{ withinPortal: true }} />
                  </Table.Td>
                  <Table.Td miw={200}>
                    {row.object ? (
                      <MultiSelect size="xs" aria-label={`${row.label}: hidden fields`} value={grant.hiddenFields ?? []} disabled={isReadOnly} searchable
                        placeholder={(grant.hiddenFields ?? []).length ? undefined : 'None'} comboboxProps={{ withinPortal: true }}
                        data={row.object.fields.filter((field) => !field.isSystem && field.name !== row.object?.displayField).map((field) => ({ value: field.name, label: field.label }))}
                        onChange={(hiddenFields) => change(row.key, { hiddenFields })} />
                    ) : <Text size="xs" c="dimmed">—</Text>}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ProblemAlert error={save.error ?? remove.error} shownOn={['label']} />
      {save.isSuccess && <Text size="sm" c="green" role="status">Saved. Members with this role get the new permissions on their next request.</Text>}
      {!isReadOnly && <Group justify="flex-end"><Button onClick={() => save.mutate()} loading={save.isPending}>Save role</Button></Group>}
    </Stack>
  );
}

function NewRoleForm({ roles, onDone }: { roles: Role[]; onDone: (name?: string) => void }) {
  const queryClient = useQueryClient();
  const [label, setLabel] = useState('');
  const [name, setName] = useState('');
  const [isNameEdited, setNameEdited] = useState(false);
  const [base, setBase] = useState<string | null>('readOnly');
  const create = useMutation({
    mutationFn: () => createRole({ name, label, grants: roles.find((role) => role.name === base)?.grants ?? {} }),
    onSuccess: async (role) => {
      await queryClient.invalidateQueries({ queryKey: ROLES_KEY });
      onDone(role.name);
    },
  });
  return (
    <form onSubmit={(event) => { event.preventDefault(); create.mutate(); }} noValidate>
      <Stack gap="sm">
        <TextInput label="Label" required data-autofocus value={label} error={fieldError(create.error, 'label')}
          onChange={(event) => { const next = event.currentTarget.value; setLabel(next); if (!isNameEdited) setName(apiNameOf(next)); }} />
        <TextInput label="API name" required styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }} value={name} error={fieldError(create.error, 'name')}
          onChange={(event) => { setName(event.currentTarget.value); setNameEdited(true); }} />
        <Select label="Start from" data={roles.map((role) => ({ value: role.name, label: role.label }))} value={base} onChange={setBase} allowDeselect={false}
          comboboxProps={{ withinPortal: true }} />
        <ProblemAlert error={create.error} shownOn={['label', 'name']} />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onDone()}>Cancel</Button>
          <Button type="submit" loading={create.isPending}>Create role</Button>
        </Group>
      </Stack>
    </form>
  );
}
