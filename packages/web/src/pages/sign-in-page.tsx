// Sign-in with email and password; asks for a two-factor code when the account has one. On
// success, goes back to the page the user wanted (`?next=`).
import { Alert, Anchor, Button, Center, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiProblem, describeError, PROBLEM } from '../api/problem';
import { signIn } from '../api/session';
import { SESSION_KEY, useSession } from '../session/use-session';

/** Only same-site paths: `?next=https://evil.example` must not send the user away. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInPage() {
  const session = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [needsCode, setNeedsCode] = useState(false);
  const [error, setError] = useState<string>();
  const [isBusy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { email: '', password: '', code: '' },
    validate: {
      email: (value) => (/^\S+@\S+$/.test(value) ? null : 'Enter your email address'),
      password: (value) => (value ? null : 'Enter your password'),
      code: (value) => (needsCode && value.trim().length < 6 ? 'Enter the 6-digit code or a recovery code' : null),
    },
  });

  if (session.data) return <Navigate to={next} replace />;

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    setError(undefined);
    try {
      await signIn({ email: values.email.trim(), password: values.password, ...(needsCode ? { code: values.code.trim() } : {}) });
      await queryClient.resetQueries();
      await queryClient.fetchQuery({ queryKey: SESSION_KEY });
      navigate(next, { replace: true });
    } catch (failure) {
      if (failure instanceof ApiProblem && failure.type === PROBLEM.twoFactorRequired) {
        if (needsCode) setError(describeError(failure));
        setNeedsCode(true);
      } else {
        setError(describeError(failure));
      }
    } finally {
      setBusy(false);
    }
  });

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={380}>
        <form onSubmit={submit} noValidate aria-labelledby="sign-in-title">
          <Stack>
            <Title order={1} size="h3" id="sign-in-title">Sign in to Rapport</Title>
            {error && <Alert color="red" role="alert">{error}</Alert>}
            <TextInput label="Email" type="email" autoComplete="username" required data-autofocus {...form.getInputProps('email')} />
            <PasswordInput label="Password" autoComplete="current-password" required {...form.getInputProps('password')} />
            {needsCode && (
              <TextInput label="Two-factor code" description="From your authenticator app, or a recovery code" autoComplete="one-time-code"
                inputMode="numeric" required autoFocus {...form.getInputProps('code')} />
            )}
            <Button type="submit" loading={isBusy}>Sign in</Button>
            <Anchor component={Link} to="/reset-password" size="sm">Forgot your password?</Anchor>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
