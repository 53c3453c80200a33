// The centred card of the pages a visitor sees before signing in.
import { Center, Paper, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function PublicCard({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={400}>
        <Stack>
          <Title order={1} size="h3" id={id}>{title}</Title>
          {children}
        </Stack>
      </Paper>
    </Center>
  );
}

/** The token of a link such as `/reset-password#token=…`: in the fragment, so it never reaches a server log. */
export function tokenFromFragment(hash: string): string | null {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token');
}
