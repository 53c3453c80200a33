// A record's fields as a definition list, each editable in place where the user may update;
// a related record shows as a link beside its edit button.
import { Anchor, Card, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { ObjectDescription, RecordValues } from '../api/types';
import { EditableValue } from '../fields/editable-value';
import { formatValue, type RelationLabels } from '../fields/format';
import { actorName, memberNames, useMembers } from '../session/use-members';

const HIDDEN = new Set(['id', 'version', 'deletedAt']);
/** System fields that hold who did something (`user:<id>`, `apiKey:<id>`, `system`). */
const ACTORS = new Set(['createdBy', 'updatedBy']);

export function RecordFields({ definition, record, labels, canEdit, onSaved }: {
  definition: ObjectDescription; record: RecordValues; labels: RelationLabels; canEdit: boolean; onSaved: (record: RecordValues) => void;
}) {
  const fields = definition.fields.filter((field) => !HIDDEN.has(field.name) && field.name in record);
  const names = memberNames(useMembers().data);
  return (
    <Card withBorder padding="md">
      <Title order={3} size="h5" mb="sm">Details</Title>
      <dl style={{ display: 'grid', gridTemplateColumns: 'minmax(110px, 40%) 1fr', gap: '8px 12px', margin: 0 }}>
        {fields.map((field) => {
          const value = record[field.name];
          const target = field.type === 'relation' && field.relation?.cardinality === 'one' && typeof value === 'string' ? field.relation.target : undefined;
          const shown = ACTORS.has(field.name) && typeof value === 'string'
            ? <Text size="sm">{actorName(value, names)}</Text>
            : (
              <EditableValue object={definition.name} field={field} record={record} labels={labels} onSaved={onSaved} mode="inline" canEdit={canEdit}
                display={target
                  ? <Anchor component={Link} to={`/objects/${target}/${value}`} size="sm">{formatValue(field, record, labels)}</Anchor>
                  : <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{formatValue(field, record, labels) || '—'}</Text>} />
            );
          return [
            <dt key={`${field.name}-label`}><Text size="sm" c="dimmed">{field.label}</Text></dt>,
            <dd key={`${field.name}-value`} style={{ margin: 0, minWidth: 0 }} data-field={field.name}>{shown}</dd>,
          ];
        })}
      </dl>
    </Card>
  );
}
