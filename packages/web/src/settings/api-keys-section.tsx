// API keys: create one with a role, scopes and an optional expiry; its secret is shown once
// (the server keeps only a hash), with a copy button. Keys can be revoked; the list shows when
// each was last used.
import { Alert, Badge, Button, Code, CopyButton, Group, Modal, Select, Stack, Table, TagsInput, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { createApiKey, listApiKeys, revokeApiKey, type ApiKey } from '../api/settings';
import { useObjects } from '../session/use-objects';
import { useRoleChoices } from './members-section';
import { fieldError, formatWhen, ProblemAlert } from './problem-alert';

const KEYS = ['settings', 'api-keys'];

export default function ApiKeysSection() {
  const queryClient = useQueryClient();
  const keys = useQuery({ queryKey: KEYS, queryFn: listApiKeys });
  const [isCreating, setCreating] = useState(false);
  const [secret, setSecret] = useState<{ name: string; key: string }>();
  const revoke = useMutation({ mutationFn: revokeApiKey, onSettled: () => queryClient.invalidateQueries({ queryKey: KEYS }) });
  const status = (key: ApiKey) =>
    key.revokedAt ? <Badge color="gray" variant="light">Revoked</Badge>
      : key.expiresAt && new Date(key.expiresAt) < new Date() ? <Badge color="gray" variant="light">Expired</Badge>
        : <Badge color="green" variant="light">Active</Badge>;

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">Keys act as a service user with a role, narrowed by scopes. Send one as <Code>Authorization: Bearer rpk_…</Code>.</Text>
        <Button onClick={() => setCreating(true)}>New API key</Button>
      </Group>
      <ProblemAlert error={keys.error ?? revoke.error} />
      {(keys.data ?? []).length === 0 ? <Text>No API keys yet.</Text> : (
        <Table.ScrollContainer minWidth={760}>
          <Table aria-label="API keys" striped>
            <Table.Thead>
              <Table.Tr><Table.Th>Name</Table.Th><Table.Th>Key</Table.Th><Table.Th>Role</Table.Th><Table.Th>Scopes</Table.Th><Table.Th>Last used</Table.Th><Table.Th>Expires</Table.Th><Table.Th>Status</Table.Th><Table.Th><VisuallyHidden>Actions</VisuallyHidden></Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(keys.data ?? []).map((key) => (
                <Table.Tr key={key.id} data-key={key.name}>
                  <Table.Td>{key.name}</Table.Td>
                  <Table.Td><Code>{key.prefix}…</Code></Table.Td>
                  <Table.Td>{key.role}</Table.Td>
                  <Table.Td>{key.scopes?.join(', ') || 'all of the role'}</Table.Td>
                  <Table.Td>{key.lastUsedAt ? formatWhen(key.lastUsedAt) : 'never'}</Table.Td>
                  <Table.Td>{key.expiresAt ? formatWhen(key.expiresAt) : 'never'}</Table.Td>
                  <Table.Td>{status(key)}</Table.Td>
                  <Table.Td>
                    {!key.revokedAt && <Button size="xs" variant="subtle" color="red" onClick={() => revoke.mutate(key.id)} aria-label={`Revoke API key ${key.name}`}>Revoke</Button>}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal opened={isCreating} onClose={() => setCreating(false)} title="New API key">
        {isCreating && <NewKeyForm onDone={(created) => { setCreating(false); if (created) setSecret(created); }} />}
      </Modal>
      <Modal opened={Boolean(secret)} onClose={() => setSecret(undefined)} title={`API key ${secret?.name ?? ''}`} closeOnClickOutside={false}>
        {secret && (
          <Stack gap="sm">
            <Alert color="yellow" title="Copy it now">This is the only time the key is shown. Rapport keeps only a hash of it.</Alert>
            <Code block data-testid="new-api-key" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>{secret.key}</Code>
            <Group justify="flex-end">
              <CopyButton value={secret.key}>{({ copied, copy }) => <Button variant="light" onClick={copy}>{copied ? 'Copied' : 'Copy key'}</Button>}</CopyButton>
              <Button onClick={() => setSecret(undefined)}>Done</Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}

function NewKeyForm({ onDone }: { onDone: (created?: { name: string; key: string }) => void }) {
  const queryClient = useQueryClient();
  const objects = useObjects();
  const roleChoices = useRoleChoices();
  const [name, setName] = useState('');
  const [role, setRole] = useState<string | null>('readOnly');
  const [scopes, setScopes] = useState<string[]>([]);
  const [expiresOn, setExpiresOn] = useState('');
  const suggestions = ['read:*', 'write:*', 'admin', ...(objects.data ?? []).flatMap((object) => [`read:${object.name}`, `write:${object.name}`])];
  const create = useMutation({
    mutationFn: () => createApiKey({
      name: name.trim(), ...(role ? { role } : {}), ...(scopes.length ? { scopes } : {}),
      ...(expiresOn ? { expiresAt: new Date(`${expiresOn}T23:59:59Z`).toISOString() } : {}),
    }),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: KEYS });
      onDone({ name: name.trim(), key: created.key });
    },
  });
  return (
    <form onSubmit={(event) => { event.preventDefault(); create.mutate(); }} noValidate>
      <Stack gap="sm">
        <TextInput label="Name" description="What uses it, such as “nightly export”" required data-autofocus value={name}
          onChange={(event) => setName(event.currentTarget.value)} error={fieldError(create.error, 'name')} />
        <Select label="Role" data={roleChoices} value={role} onChange={setRole} allowDeselect={false} error={fieldError(create.error, 'role')} comboboxProps={{ withinPortal: true }} />
        <TagsInput label="Scopes" description="Empty: everything the role may do" data={suggestions} value={scopes} onChange={setScopes}
          error={fieldError(create.error, 'scopes')} comboboxProps={{ withinPortal: true }} />
        <TextInput label="Expires on" type="date" description="Empty: never" value={expiresOn} onChange={(event) => setExpiresOn(event.currentTarget.value)}
          error={fieldError(create.error, 'expiresAt')} />
        <ProblemAlert error={create.error} shownOn={['name', 'role', 'scopes', 'expiresAt']} />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onDone()}>Cancel</Button>
          <Button type="submit" loading={create.isPending}>Create key</Button>
        </Group>
      </Stack>
    </form>
  );
}
