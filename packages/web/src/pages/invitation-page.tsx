// An invitation link (`/invitation#token=…`): says which workspace and role it is for, then joins
// — with a name and password for a new account, or with the account the address already has —
// and opens the workspace signed in.
import { Alert, Anchor, Button, Loader, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { ApiProblem, describeError } from '../api/problem';
import { acceptInvitation, fetchSession, lookUpInvitation } from '../api/session';
import { SESSION_KEY } from '../session/use-session';
import { PublicCard, tokenFromFragment } from './public-card';

const MIN_PASSWORD = 10;

export function InvitationPage() {
  const token = tokenFromFragment(useLocation().hash);
  const invitation = useQuery({ queryKey: ['invitation', token], queryFn: () => lookUpInvitation(token!), enabled: Boolean(token), retry: false });
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [error, setError] = useState<string>();
  const isNew = invitation.data ? !invitation.data.hasAccount : false;
  const form = useForm({
    initialValues: { name: '', password: '' },
    validate: {
      name: (value) => (isNew && !value.trim() ? 'Enter your name' : null),
      password: (value) => (isNew && value.length < MIN_PASSWORD ? `At least ${MIN_PASSWORD} characters` : null),
    },
  });

  const submit = form.onSubmit(async ({ name, password }) => {
    setError(undefined);
    try {
      await acceptInvitation(token!, isNew ? { name: name.trim(), password } : {});
      // Everything cached belonged to no one (or another account); the used invitation is gone.
      await queryClient.resetQueries({ predicate: (query) => query.queryKey[0] !== 'invitation' });
      await queryClient.fetchQuery({ queryKey: SESSION_KEY, queryFn: fetchSession });
      navigate('/', { replace: true });
    } catch (failure) {
      if (failure instanceof ApiProblem) form.setErrors(failure.fieldErrors());
      setError(describeError(failure));
    }
  });

  if (!token) return <PublicCard title="Invitation" id="invitation-title"><Alert color="red" role="alert">This link has no invitation in it: open the whole link from the email.</Alert></PublicCard>;
  if (invitation.isLoading) return <PublicCard title="Invitation" id="invitation-title"><Loader aria-label="Loading the invitation" /></PublicCard>;
  if (invitation.error || !invitation.data) {
    return (
      <PublicCard title="Invitation" id="invitation-title">
        <Alert color="red" role="alert">{describeError(invitation.error)} Ask whoever invited you for a new link.</Alert>
        <Anchor component={Link} to="/sign-in" size="sm">Sign in</Anchor>
      </PublicCard>
    );
  }
  const { workspaceName, email, role, expiresAt } = invitation.data;
  return (
    <PublicCard title={`Join ${workspaceName}`} id="invitation-title">
      <Text size="sm">
        {email} is invited as <strong>{role}</strong>. The link works once, until {new Date(expiresAt).toLocaleString()}.
      </Text>
      <form onSubmit={submit} noValidate aria-labelledby="invitation-title">
        <Stack>
          {error && <Alert color="red" role="alert">{error}</Alert>}
          {isNew ? (
            <>
              <TextInput label="Your name" autoComplete="name" required data-autofocus {...form.getInputProps('name')} />
              <PasswordInput label="Choose a password" description={`At least ${MIN_PASSWORD} characters`} autoComplete="new-password" required {...form.getInputProps('password')} />
            </>
          ) : (
            <Text size="sm">You have an account with this address: joining adds {workspaceName} to your workspaces.</Text>
          )}
          <Button type="submit" loading={form.submitting}>Join {workspaceName}</Button>
        </Stack>
      </form>
    </PublicCard>
  );
}
