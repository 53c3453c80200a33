// Password reset. Without a token: ask for the email address and send a link (the answer is the
// same whether or not it has an account). With the link's token (`#token=…`): choose a new
// password, then sign in with it. Field errors from the API's problem+json show in place.
import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { ApiProblem, describeError } from '../api/problem';
import { requestPasswordReset, resetPassword } from '../api/session';
import { PublicCard, tokenFromFragment } from './public-card';

/** As the server requires (users.ts). */
const MIN_PASSWORD = 10;

function RequestLink() {
  const [sentTo, setSentTo] = useState<string>();
  const [error, setError] = useState<string>();
  const form = useForm({ initialValues: { email: '' }, validate: { email: (value) => (/^\S+@\S+$/.test(value) ? null : 'Enter your email address') } });
  const submit = form.onSubmit(async ({ email }) => {
    setError(undefined);
    try {
      await requestPasswordReset(email.trim());
      setSentTo(email.trim());
    } catch (failure) {
      if (failure instanceof ApiProblem) form.setErrors(failure.fieldErrors());
      setError(describeError(failure));
    }
  });
  if (sentTo) {
    return <Alert color="teal" role="status">If {sentTo} belongs to an account, a link to choose a new password is on its way. It works once, for a limited time.</Alert>;
  }
  return (
    <form onSubmit={submit} noValidate aria-labelledby="reset-title">
      <Stack>
        <Text size="sm">Enter the email address you sign in with; we will send you a link to choose a new password.</Text>
        {error && <Alert color="red" role="alert">{error}</Alert>}
        <TextInput label="Email" type="email" autoComplete="username" required data-autofocus {...form.getInputProps('email')} />
        <Button type="submit" loading={form.submitting}>Send the link</Button>
      </Stack>
    </form>
  );
}

function ChoosePassword({ token }: { token: string }) {
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string>();
  const form = useForm({
    initialValues: { password: '', repeat: '' },
    validate: {
      password: (value) => (value.length >= MIN_PASSWORD ? null : `At least ${MIN_PASSWORD} characters`),
      repeat: (value, values) => (value === values.password ? null : 'The two passwords differ'),
    },
  });
  const submit = form.onSubmit(async ({ password }) => {
    setError(undefined);
    try {
      await resetPassword(token, password);
      setDone(true);
    } catch (failure) {
      if (failure instanceof ApiProblem) form.setErrors(failure.fieldErrors());
      setError(describeError(failure));
    }
  });
  if (done) return <Alert color="teal" role="status">Your password is changed and every session of your account has ended. <Anchor component={Link} to="/sign-in">Sign in</Anchor> with the new one.</Alert>;
  return (
    <form onSubmit={submit} noValidate aria-labelledby="reset-title">
      <Stack>
        {error && <Alert color="red" role="alert">{error}</Alert>}
        <PasswordInput label="New password" description={`At least ${MIN_PASSWORD} characters`} autoComplete="new-password" required data-autofocus {...form.getInputProps('password')} />
        <PasswordInput label="New password again" autoComplete="new-password" required {...form.getInputProps('repeat')} />
        <Button type="submit" loading={form.submitting}>Set the new password</Button>
      </Stack>
    </form>
  );
}

export function ResetPasswordPage() {
  const token = tokenFromFragment(useLocation().hash);
  return (
    <PublicCard title={token ? 'Choose a new password' : 'Reset your password'} id="reset-title">
      {token ? <ChoosePassword token={token} /> : <RequestLink />}
      <Anchor component={Link} to="/sign-in" size="sm">Back to sign-in</Anchor>
    </PublicCard>
  );
}
