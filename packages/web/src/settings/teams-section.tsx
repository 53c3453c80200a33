// Teams: a name, a manager and members. Teams decide "team" visibility: a member sees records
// owned by anyone who shares a team with them.
import { Button, Group, Modal, MultiSelect, Select, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { createTeam, deleteTeam, listMembers, listTeams, saveTeam, type Member, type Team } from '../api/settings';
import { fieldError, ProblemAlert } from './problem-alert';
import { RowActions } from './row-actions';

export default function TeamsSection() {
  const queryClient = useQueryClient();
  const teams = useQuery({ queryKey: ['settings', 'teams'], queryFn: listTeams });
  const members = useQuery({ queryKey: ['settings', 'members'], queryFn: listMembers });
  const [editing, setEditing] = useState<Team | 'new'>();
  const remove = useMutation({ mutationFn: deleteTeam, onSettled: () => queryClient.invalidateQueries({ queryKey: ['settings'] }) });
  const nameOf = (id: string | null) => members.data?.find((member) => member.userId === id)?.name ?? '—';

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">A member sees the records of their teams where their role's visibility is “team”.</Text>
        <Button onClick={() => setEditing('new')}>New team</Button>
      </Group>
      <ProblemAlert error={teams.error ?? remove.error} />
      {(teams.data ?? []).length === 0 ? <Text>No teams yet.</Text> : (
        <Table.ScrollContainer minWidth={520}>
          <Table aria-label="Teams" striped>
            <Table.Thead><Table.Tr><Table.Th>Team</Table.Th><Table.Th>Manager</Table.Th><Table.Th>Members</Table.Th><Table.Th><VisuallyHidden>Actions</VisuallyHidden></Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {(teams.data ?? []).map((team) => (
                <Table.Tr key={team.id}>
                  <Table.Td>{team.name}</Table.Td>
                  <Table.Td>{nameOf(team.managerId)}</Table.Td>
                  <Table.Td><Text size="sm" lineClamp={2}>{team.memberIds.map(nameOf).join(', ') || '—'}</Text></Table.Td>
                  <Table.Td>
                    <RowActions what={`team ${team.name}`} onEdit={() => setEditing(team)} onDelete={() => remove.mutate(team.id)} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal opened={Boolean(editing)} onClose={() => setEditing(undefined)} title={editing === 'new' ? 'New team' : `Team ${editing?.name ?? ''}`}>
        {editing && <TeamForm team={editing === 'new' ? undefined : editing} members={members.data ?? []} onDone={() => setEditing(undefined)} />}
      </Modal>
    </Stack>
  );
}

function TeamForm({ team, members, onDone }: { team?: Team; members: Member[]; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(team?.name ?? '');
  const [managerId, setManagerId] = useState<string | null>(team?.managerId ?? null);
  const [memberIds, setMemberIds] = useState<string[]>(team?.memberIds ?? []);
  const people = members.map((member) => ({ value: member.userId, label: member.name || member.email }));
  const save = useMutation({
    mutationFn: () => (team ? saveTeam({ id: team.id, name, managerId, memberIds }) : createTeam({ name, managerId, memberIds })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['settings'] });
      onDone();
    },
  });
  return (
    <form onSubmit={(event) => { event.preventDefault(); save.mutate(); }} noValidate>
      <Stack gap="sm">
        <TextInput label="Name" required data-autofocus value={name} onChange={(event) => setName(event.currentTarget.value)} error={fieldError(save.error, 'name')} />
        <Select label="Manager" data={people} value={managerId} onChange={setManagerId} clearable searchable error={fieldError(save.error, 'managerId')}
          comboboxProps={{ withinPortal: true }} />
        <MultiSelect label="Members" data={people} value={memberIds} onChange={setMemberIds} searchable error={fieldError(save.error, 'memberIds')}
          comboboxProps={{ withinPortal: true }} />
        <ProblemAlert error={save.error} shownOn={['name', 'managerId', 'memberIds']} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>Cancel</Button>
          <Button type="submit" loading={save.isPending}>{team ? 'Save' : 'Create team'}</Button>
        </Group>
      </Stack>
    </form>
  );
}
