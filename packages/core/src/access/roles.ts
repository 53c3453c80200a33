// Roles as data: what each may do per object (actions), whose records it sees (visibility) and
// which fields it never sees (hidden fields). Built-in roles are defined here; custom roles have
// the same shape and live in the workspace's settings.
import type { Action, Visibility } from './actions.js';

export interface ObjectGrant {
  actions: readonly Action[];
  /** Whose records are visible; 'all' when the object has no owner field. */
  visibility: Visibility;
  /** Fields absent from every read, filter, sort, export and history, and refused on write. */
  hiddenFields?: readonly string[];
}

export interface RoleDefinition {
  /** Stable key: `admin`, `salesRep`, or a custom role's name. */
  name: string;
  label: string;
  description: string;
  isBuiltIn?: boolean;
  /** Manages settings, users, roles, API keys and reads the audit log; sees everything. */
  isAdmin?: boolean;
  /** Grants by object name (or area: `analytics`), with `*` for every other object. */
  grants: Readonly<Record<string, ObjectGrant>>;
}

const ALL: readonly Action[] = ['read', 'create', 'update', 'delete', 'import', 'export'];
const WRITE: readonly Action[] = ['read', 'create', 'update'];
const READ: readonly Action[] = ['read'];
/** Margins are for people who set prices: cost fields, and the profit built on them, are hidden from marketing and support. */
const COSTS_HIDDEN = { products: ['cost'], orders: ['costTotal'], people: ['clv'], companies: ['clv'] } as const;

export const BUILT_IN_ROLES: readonly RoleDefinition[] = [
  {
    name: 'admin', label: 'Admin', isBuiltIn: true, isAdmin: true,
    description: 'Everything, including settings, users, roles, API keys and the audit log.',
    grants: { '*': { actions: ALL, visibility: 'all' } },
  },
  {
    name: 'manager', label: 'Manager', isBuiltIn: true,
    description: 'Every record of the workspace; imports and exports; no settings.',
    grants: { '*': { actions: ALL, visibility: 'all' } },
  },
  {
    name: 'salesRep', label: 'Sales rep', isBuiltIn: true,
    description: 'Works their team\'s contacts, companies, deals and activities; reads the rest.',
    grants: {
      '*': { actions: READ, visibility: 'all' },
      people: { actions: WRITE, visibility: 'team' },
      companies: { actions: WRITE, visibility: 'team' },
      deals: { actions: [...WRITE, 'delete'], visibility: 'own' },
      interactions: { actions: WRITE, visibility: 'team' },
      notes: { actions: [...WRITE, 'delete'], visibility: 'all' },
      tasks: { actions: [...WRITE, 'delete'], visibility: 'team' },
      orders: { actions: WRITE, visibility: 'all' },
      analytics: { actions: READ, visibility: 'all' },
    },
  },
  {
    name: 'supportAgent', label: 'Support agent', isBuiltIn: true,
    description: 'Handles cases for their team; reads customers; no deals.',
    grants: {
      people: { actions: ['read', 'update'], visibility: 'all', hiddenFields: COSTS_HIDDEN.people },
      companies: { actions: READ, visibility: 'all', hiddenFields: COSTS_HIDDEN.companies },
      cases: { actions: WRITE, visibility: 'team' },
      interactions: { actions: WRITE, visibility: 'all' },
      notes: { actions: WRITE, visibility: 'all' },
      tasks: { actions: [...WRITE, 'delete'], visibility: 'team' },
      surveyResponses: { actions: WRITE, visibility: 'all' },
      products: { actions: READ, visibility: 'all', hiddenFields: COSTS_HIDDEN.products },
      orders: { actions: READ, visibility: 'all', hiddenFields: COSTS_HIDDEN.orders },
      tags: { actions: READ, visibility: 'all' },
    },
  },
  {
    name: 'marketer', label: 'Marketer', isBuiltIn: true,
    description: 'Runs campaigns and segments; imports and exports contacts; no deals or cases.',
    grants: {
      people: { actions: ['read', 'create', 'update', 'import', 'export'], visibility: 'all', hiddenFields: COSTS_HIDDEN.people },
      companies: { actions: ['read', 'create', 'update', 'import', 'export'], visibility: 'all', hiddenFields: COSTS_HIDDEN.companies },
      campaigns: { actions: [...WRITE, 'delete'], visibility: 'all' },
      campaignMembers: { actions: [...WRITE, 'delete', 'import', 'export'], visibility: 'all' },
      tags: { actions: [...WRITE, 'delete'], visibility: 'all' },
      surveyResponses: { actions: ['read', 'export'], visibility: 'all' },
      interactions: { actions: READ, visibility: 'all' },
      products: { actions: READ, visibility: 'all', hiddenFields: COSTS_HIDDEN.products },
      orders: { actions: READ, visibility: 'all', hiddenFields: COSTS_HIDDEN.orders },
      analytics: { actions: READ, visibility: 'all' },
    },
  },
  {
    name: 'readOnly', label: 'Read-only', isBuiltIn: true,
    description: 'Reads every record; changes nothing.',
    grants: { '*': { actions: READ, visibility: 'all' } },
  },
];

export const BUILT_IN_ROLE_NAMES = BUILT_IN_ROLES.map((role) => role.name);

/** A built-in role by name. */
export function builtInRole(name: string): RoleDefinition | undefined {
  return BUILT_IN_ROLES.find((role) => role.name === name);
}
