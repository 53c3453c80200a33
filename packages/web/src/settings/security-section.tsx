// The signed-in user's own security, open to every member: two-factor sign-in. Enrolment shows
// the QR code and the otpauth URI (for apps that cannot scan), a first code turns it on and the
// recovery codes are shown once; a current code turns it off. Each change starts a new session.
import { Alert, Badge, Button, Code, CopyButton, Group, Image, List, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { confirmTwoFactor, disableTwoFactor, enrolTwoFactor } from '../api/settings';
import { SESSION_KEY, useSession } from '../session/use-session';
import { ProblemAlert } from './problem-alert';

export default function SecuritySection() {
  const session = useSession();
  const queryClient = useQueryClient();
  const [recoveryCodes, setRecoveryCodes] = useState<string[]>();
  const hasTwoFactor = Boolean(session.data?.user.hasTwoFactor);
  const refreshSession = () => queryClient.invalidateQueries({ queryKey: SESSION_KEY });

  return (
    <Stack gap="md" maw={640}>
      <Group gap="sm">
        <Title order={3} size="h4">Two-factor sign-in</Title>
        {hasTwoFactor ? <Badge color="green">On</Badge> : <Badge color="gray">Off</Badge>}
      </Group>
      <Text size="sm" c="dimmed">With two-factor on, signing in as {session.data?.user.email} also asks for a code from an authenticator app.</Text>
      {recoveryCodes && <RecoveryCodes codes={recoveryCodes} onDone={() => setRecoveryCodes(undefined)} />}
      {!recoveryCodes && (hasTwoFactor
        ? <DisableForm onDone={refreshSession} />
        : <Enrolment onEnabled={async (codes) => { setRecoveryCodes(codes); await refreshSession(); }} />)}
    </Stack>
  );
}

function Enrolment({ onEnabled }: { onEnabled: (codes: string[]) => void }) {
  const [code, setCode] = useState('');
  const enrol = useMutation({ mutationFn: enrolTwoFactor });
  const confirm = useMutation({ mutationFn: () => confirmTwoFactor(code.replace(/\s+/g, '')), onSuccess: (result) => onEnabled(result.recoveryCodes) });
  if (!enrol.data) {
    return (
      <Stack gap="sm" align="flex-start">
        <ProblemAlert error={enrol.error} />
        <Button onClick={() => enrol.mutate()} loading={enrol.isPending}>Set up two-factor</Button>
      </Stack>
    );
  }
  return (
    <Paper withBorder p="md">
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
        <Stack gap="xs" align="center">
          <Image src={enrol.data.qrCode} alt="QR code for your authenticator app" w={196} h={196} fit="contain" />
        </Stack>
        <Stack gap="xs">
          <Text size="sm">1. Scan the QR code with an authenticator app, or enter this key by hand:</Text>
          <Group gap="xs" wrap="nowrap">
            <Code data-testid="totp-secret" style={{ overflowWrap: 'anywhere' }}>{enrol.data.secret}</Code>
            <CopyButton value={enrol.data.secret}>{({ copied, copy }) => <Button size="compact-xs" variant="light" onClick={copy}>{copied ? 'Copied' : 'Copy'}</Button>}</CopyButton>
          </Group>
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>Setup link: <Code data-testid="otpauth-uri">{enrol.data.otpauthUri}</Code></Text>
          <form onSubmit={(event) => { event.preventDefault(); confirm.mutate(); }} noValidate>
            <Stack gap="xs">
              <TextInput label="2. Enter the six-digit code it shows" inputMode="numeric" autoComplete="one-time-code" value={code} maxLength={10}
                onChange={(event) => setCode(event.currentTarget.value)} error={confirm.error ? 'That code is wrong or expired; try the current one.' : undefined} />
              <Group><Button type="submit" loading={confirm.isPending} disabled={code.replace(/\s+/g, '').length < 6}>Turn on two-factor</Button></Group>
            </Stack>
          </form>
        </Stack>
      </SimpleGrid>
    </Paper>
  );
}

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  return (
    <Alert color="green" title="Two-factor is on: keep your recovery codes">
      <Stack gap="xs">
        <Text size="sm">Each code signs you in once if you lose your phone. They are shown only now.</Text>
        <List spacing={2} size="sm" ff="monospace" data-testid="recovery-codes" listStyleType="none">
          {codes.map((code) => <List.Item key={code}>{code}</List.Item>)}
        </List>
        <Group>
          <CopyButton value={codes.join('\n')}>{({ copied, copy }) => <Button size="xs" variant="light" onClick={copy}>{copied ? 'Copied' : 'Copy codes'}</Button>}</CopyButton>
          <Button size="xs" onClick={onDone}>I have saved them</Button>
        </Group>
      </Stack>
    </Alert>
  );
}

function DisableForm({ onDone }: { onDone: () => void }) {
  const [code, setCode] = useState('');
  const disable = useMutation({ mutationFn: () => disableTwoFactor(code.replace(/\s+/g, '')), onSuccess: onDone });
  return (
    <form onSubmit={(event) => { event.preventDefault(); disable.mutate(); }} noValidate>
      <Stack gap="xs" align="flex-start">
        <TextInput label="Current code (or a recovery code)" autoComplete="one-time-code" value={code} onChange={(event) => setCode(event.currentTarget.value)}
          error={disable.error ? 'That code is wrong or expired.' : undefined} w={280} />
        <Button color="red" variant="light" type="submit" loading={disable.isPending} disabled={code.trim().length < 6}>Turn off two-factor</Button>
      </Stack>
    </form>
  );
}

