// Sign in with email and password, and a two-factor code when the account has it on.
import { Alert, Button, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api';

export function SignIn() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [needsCode, setNeedsCode] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api('POST', '/auth/sign-in', { email, password, ...(needsCode ? { code } : {}) });
      queryClient.clear();
      await navigate({ to: '/' });
    } catch (caught) {
      const problem = caught as ApiError;
      if (problem.type === 'urn:rapport:problem:two-factor-required') setNeedsCode(true);
      setError(problem);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack align="center" justify="center" mih="100vh" p="md" bg="gray.0">
      <Paper component="form" onSubmit={submit} withBorder shadow="sm" p="xl" w="100%" maw={380} aria-labelledby="sign-in-title">
        <Stack>
          <Title order={1} size="h3" id="sign-in-title">Sign in to Rapport</Title>
          {error && <Alert color="red" role="alert">{error.message}</Alert>}
          <TextInput label="Email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={error?.about('email')} />
          <PasswordInput label="Password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
          {needsCode && <TextInput label="Two-factor code" description="From your authenticator app, or a recovery code" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.currentTarget.value)} autoFocus />}
          <Button type="submit" loading={busy}>Sign in</Button>
        </Stack>
      </Paper>
    </Stack>
  );
}
