// The shape of an object definition. Standard objects are data in this folder; custom objects
// are the same shape, read from the workspace's metadata.
import type { FieldDefinition } from '../fields/types.js';

export interface TimelineSpec {
  /** Field giving the instant an item sits at on a timeline. */
  at: string;
  /** Field giving its one-line title. */
  title: string;
  /** Kind label for the timeline entry (`interaction`, `note`, …). */
  kind: string;
}

export interface ObjectDefinition {
  /** API name, camelCase plural: `people`, `surveyResponses`, or a custom object's name. */
  name: string;
  labelSingular: string;
  labelPlural: string;
  description?: string;
  isCustom?: boolean;
  /**
   * The user field that says whose record this is (`ownerId`, `assigneeId`): record visibility
   * (own / team / all) is decided on it. Objects without one are visible to every reader.
   */
  ownerField?: string;
  /** The field that names a record in lists, search results and timelines. */
  displayField: string;
  /** Fields, system fields included (see `withSystemFields`). */
  fields: FieldDefinition[];
  /** When records of this object appear on other records' timelines. */
  timeline?: TimelineSpec;
  /**
   * Timeline roll-up: a record of this object also shows the timeline of the records of
   * `object` that point at it through `field` (a company shows its people's activity).
   */
  timelineRollup?: { object: string; field: string };
}
