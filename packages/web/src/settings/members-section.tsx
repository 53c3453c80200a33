// Members of the workspace with their role (a change ends the member's sessions, so their next
// request runs with the new role), and invitations: invite an email with a role, see the
// one-time link or that it was emailed, revoke an open one.
import { Alert, Badge, Button, Code, CopyButton, Group, Select, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { changeMemberRole, invite, listInvitations, listMembers, listRoles, revokeInvitation, type Invitation } from '../api/settings';
import { useSession } from '../session/use-session';
import { fieldError, formatWhen, ProblemAlert } from './problem-alert';

export function useRoleChoices() {
  const roles = useQuery({ queryKey: ['settings', 'roles'], queryFn: listRoles });
  return (roles.data ?? []).map((role) => ({ value: role.name, label: role.label }));
}

export default function MembersSection() {
  const queryClient = useQueryClient();
  const session = useSession();
  const members = useQuery({ queryKey: ['settings', 'members'], queryFn: listMembers });
  const roleChoices = useRoleChoices();
  const changeRole = useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: string }) => changeMemberRole(userId, role),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['settings', 'members'] }),
  });

  return (
    <Stack gap="lg">
      <Stack gap="xs" component="section" aria-labelledby="members-heading">
        <Title order={3} size="h4" id="members-heading">Members</Title>
        <ProblemAlert error={members.error ?? changeRole.error} />
        <Table.ScrollContainer minWidth={560}>
          <Table aria-label="Members" striped>
            <Table.Thead><Table.Tr><Table.Th>Name</Table.Th><Table.Th>Email</Table.Th><Table.Th>Role</Table.Th><Table.Th>Two-factor</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {(members.data ?? []).map((member) => (
                <Table.Tr key={member.userId}>
                  <Table.Td>{member.name}</Table.Td>
                  <Table.Td><Text size="sm" truncate maw={260}>{member.email}</Text></Table.Td>
                  <Table.Td>
                    <Select size="xs" w={170} aria-label={`Role of ${member.name}`} value={member.role} data={roleChoices.length ? roleChoices : [{ value: member.role, label: member.role }]}
                      allowDeselect={false} disabled={member.userId === session.data?.user.id} comboboxProps={{ withinPortal: true }}
                      onChange={(role) => role && role !== member.role && changeRole.mutate({ userId: member.userId, role })} />
                  </Table.Td>
                  <Table.Td>{member.hasTwoFactor ? <Badge color="green" variant="light">On</Badge> : <Badge color="gray" variant="light">Off</Badge>}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
      <Invitations roleChoices={roleChoices} />
    </Stack>
  );
}

function Invitations({ roleChoices }: { roleChoices: { value: string; label: string }[] }) {
  const queryClient = useQueryClient();
  const invitations = useQuery({ queryKey: ['settings', 'invitations'], queryFn: listInvitations });
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<string | null>('salesRep');
  const [sent, setSent] = useState<Invitation>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['settings', 'invitations'] });
  const send = useMutation({
    mutationFn: () => invite(email.trim(), role ?? ''),
    onSuccess: (invitation) => {
      setSent(invitation);
      setEmail('');
    },
    onSettled: refresh,
  });
  const revoke = useMutation({ mutationFn: revokeInvitation, onSettled: refresh });
  const status = (invitation: Invitation) =>
    invitation.acceptedAt ? <Badge color="green" variant="light">Accepted</Badge>
      : invitation.revokedAt ? <Badge color="gray" variant="light">Revoked</Badge>
        : new Date(invitation.expiresAt) < new Date() ? <Badge color="gray" variant="light">Expired</Badge>
          : <Badge color="indigo" variant="light">Open</Badge>;

  return (
    <Stack gap="xs" component="section" aria-labelledby="invitations-heading">
      <Title order={3} size="h4" id="invitations-heading">Invitations</Title>
      <form onSubmit={(event) => { event.preventDefault(); send.mutate(); }} noValidate>
        <Group align="flex-start" wrap="wrap" gap="sm">
          <TextInput label="Email" type="email" required value={email} onChange={(event) => setEmail(event.currentTarget.value)}
            error={fieldError(send.error, 'email')} style={{ flex: '1 1 220px' }} />
          <Select label="Role" required value={role} onChange={setRole} data={roleChoices} allowDeselect={false} w={180}
            error={fieldError(send.error, 'role')} comboboxProps={{ withinPortal: true }} />
          <Button type="submit" mt={25} loading={send.isPending}>Invite</Button>
        </Group>
      </form>
      <ProblemAlert error={send.error} shownOn={['email', 'role']} />
      {sent && (
        <Alert color="green" title={sent.emailed ? `Invitation emailed to ${sent.email}` : `Invitation for ${sent.email} created`} withCloseButton onClose={() => setSent(undefined)}
          closeButtonLabel="Dismiss">
          <Stack gap={6}>
            <Text size="sm">{sent.emailed ? 'They can also use this one-time link' : 'No email was sent: give them this one-time link'} (valid until {formatWhen(sent.expiresAt)}). It is shown only now.</Text>
            <Group gap="xs" wrap="nowrap">
              <Code style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }} data-testid="invitation-link">{sent.url}</Code>
              <CopyButton value={sent.url ?? ''}>{({ copied, copy }) => <Button size="xs" variant="light" onClick={copy}>{copied ? 'Copied' : 'Copy link'}</Button>}</CopyButton>
            </Group>
          </Stack>
        </Alert>
      )}
      <ProblemAlert error={invitations.error ?? revoke.error} />
      {(invitations.data ?? []).length === 0 ? <Text size="sm" c="dimmed">No invitations yet.</Text> : (
        <Table.ScrollContainer minWidth={560}>
          <Table aria-label="Invitations" striped>
            <Table.Thead><Table.Tr><Table.Th>Email</Table.Th><Table.Th>Role</Table.Th><Table.Th>Sent</Table.Th><Table.Th>Status</Table.Th><Table.Th><VisuallyHidden>Actions</VisuallyHidden></Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {(invitations.data ?? []).map((invitation) => (
                <Table.Tr key={invitation.id}>
                  <Table.Td>{invitation.email}</Table.Td>
                  <Table.Td>{roleChoices.find((choice) => choice.value === invitation.role)?.label ?? invitation.role}</Table.Td>
                  <Table.Td>{formatWhen(invitation.createdAt)}</Table.Td>
                  <Table.Td>{status(invitation)}</Table.Td>
                  <Table.Td>
                    {!invitation.acceptedAt && !invitation.revokedAt && (
                      <Button size="xs" variant="subtle" color="red" onClick={() => revoke.mutate(invitation.id)} aria-label={`Revoke invitation for ${invitation.email}`}>Revoke</Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
