// "As of <time>" over the dashboard when some of its reports were answered from their last
// computation (large workspaces: see the analytics module's report snapshots), with a Refresh
// that computes them now and puts the answers where the cards read them.
import { Button, Group, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FETCH_REPORT, type AnalyticsScope, type Computed, type ReportName } from '../api/analytics';
import { ApiProblem } from '../api/problem';

const REPORTS: ReportName[] = ['satisfaction', 'loyalty', 'retention', 'profitability'];
const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The query key the dashboard's cards read `report` under. */
export const reportKey = (report: ReportName, scope: AnalyticsScope) => ['analytics', report, scope];

export function SnapshotNotice({ scope, answers }: { scope: AnalyticsScope; answers: Partial<Record<ReportName, Computed>> }) {
  const queryClient = useQueryClient();
  const stored = REPORTS.filter((report) => answers[report]?.isSnapshot);
  const refresh = useMutation({
    mutationFn: () => Promise.all(stored.map(async (report) => {
      queryClient.setQueryData(reportKey(report, scope), await FETCH_REPORT[report](scope, undefined, true));
    })),
  });
  if (stored.length === 0 && !refresh.isError) return null;
  const oldest = stored.map((report) => answers[report]!.computedAt).sort()[0];
  return (
    <Group gap="sm" role="status" aria-live="polite">
      {oldest && <Text size="sm" c="dimmed">Figures as of <time dateTime={oldest}>{when.format(new Date(oldest))}</time></Text>}
      {stored.length > 0 && (
        <Button size="xs" variant="default" loading={refresh.isPending} onClick={() => refresh.mutate()} aria-label="Refresh the figures now">Refresh</Button>
      )}
      {refresh.isError && (
        <Text size="sm" c="red">{refresh.error instanceof ApiProblem ? refresh.error.message : 'The figures could not be refreshed'}</Text>
      )}
    </Group>
  );
}
