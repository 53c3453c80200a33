// The admin API behind the settings pages: custom fields and objects (/metadata), members,
// roles, teams, invitations and API keys (/settings), and the caller's own two-factor (/auth).
import { request } from './http';
import type { Action, FieldDescription, ObjectDescription } from './types';

// ---- custom fields and objects ----

export interface ChoiceInput { value: string; label: string; color?: string }

export interface NewFieldInput {
  name: string;
  label: string;
  type: string;
  description?: string;
  isRequired?: boolean;
  choices?: ChoiceInput[];
  min?: number;
  max?: number;
  isInteger?: boolean;
  target?: string;
  cardinality?: 'one' | 'many';
  currency?: string;
}
export type FieldChangeInput = Partial<Pick<NewFieldInput, 'label' | 'description' | 'isRequired' | 'choices' | 'min' | 'max' | 'isInteger'>>;

export interface NewObjectInput { name: string; labelSingular: string; labelPlural: string; description?: string }
export type ObjectChangeInput = Partial<Omit<NewObjectInput, 'name'>>;

const fieldsOf = (object: string) => `/metadata/objects/${object}/fields`;

export const createField = (object: string, input: NewFieldInput) => request<FieldDescription>(fieldsOf(object), { method: 'POST', body: input });
export const updateField = (object: string, field: string, change: FieldChangeInput) =>
  request<FieldDescription>(`${fieldsOf(object)}/${field}`, { method: 'PATCH', body: change });
export const deleteField = (object: string, field: string) => request<void>(`${fieldsOf(object)}/${field}`, { method: 'DELETE' });
export const restoreField = (object: string, field: string) => request<FieldDescription>(`${fieldsOf(object)}/${field}/restore`, { method: 'POST' });
export const listDeletedFields = (object: string) =>
  request<{ data: FieldDescription[] }>(`/metadata/objects/${object}/deleted-fields`).then((body) => body.data);

export const createObject = (input: NewObjectInput) => request<ObjectDescription>('/metadata/objects', { method: 'POST', body: input });
export const updateObject = (object: string, change: ObjectChangeInput) => request<ObjectDescription>(`/metadata/objects/${object}`, { method: 'PATCH', body: change });
export const deleteObject = (object: string) => request<void>(`/metadata/objects/${object}`, { method: 'DELETE' });
export const restoreObject = (object: string) => request<ObjectDescription>(`/metadata/objects/${object}/restore`, { method: 'POST' });

// ---- members, roles, teams ----

export interface Member {
  userId: string;
  email: string;
  name: string;
  role: string;
  joinedAt: string;
  hasTwoFactor: boolean;
  teamIds: string[];
}

export type Visibility = 'own' | 'team' | 'all';
export interface Grant { actions: Action[]; visibility: Visibility; hiddenFields?: string[] }
export interface Role {
  name: string;
  label: string;
  description?: string;
  isBuiltIn?: boolean;
  isAdmin?: boolean;
  /** Per object name, or `*` for every object not named. */
  grants: Record<string, Grant>;
}

export interface Team { id: string; name: string; managerId: string | null; memberIds: string[] }

export const listMembers = () => request<{ data: Member[] }>('/settings/members').then((body) => body.data);
export const changeMemberRole = (userId: string, role: string) => request<Member>(`/settings/members/${userId}`, { method: 'PATCH', body: { role } });

export const listRoles = () => request<{ data: Role[] }>('/settings/roles').then((body) => body.data);
export const createRole = (role: Omit<Role, 'isBuiltIn' | 'isAdmin'>) => request<Role>('/settings/roles', { method: 'POST', body: role });
export const saveRole = ({ name, label, description, grants }: Omit<Role, 'isBuiltIn' | 'isAdmin'>) =>
  request<Role>(`/settings/roles/${name}`, { method: 'PUT', body: { label, description, grants } });
export const deleteRole = (name: string) => request<void>(`/settings/roles/${name}`, { method: 'DELETE' });

export const listTeams = () => request<{ data: Team[] }>('/settings/teams').then((body) => body.data);
export const createTeam = (team: Omit<Team, 'id'>) => request<Team>('/settings/teams', { method: 'POST', body: team });
export const saveTeam = ({ id, ...team }: Team) => request<Team>(`/settings/teams/${id}`, { method: 'PUT', body: team });
export const deleteTeam = (id: string) => request<void>(`/settings/teams/${id}`, { method: 'DELETE' });

// ---- invitations and API keys ----

export interface Invitation {
  id: string;
  email: string;
  role: string;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
  /** The one-time link; only in the answer to the invitation's creation. */
  url?: string;
  emailed?: boolean;
}

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  role: string;
  scopes: string[] | null;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}
export interface NewApiKeyInput { name: string; role?: string; scopes?: string[]; expiresAt?: string }

export const listInvitations = () => request<{ data: Invitation[] }>('/settings/invitations').then((body) => body.data);
export const invite = (email: string, role: string) => request<Invitation>('/settings/invitations', { method: 'POST', body: { email, role } });
export const revokeInvitation = (id: string) => request<void>(`/settings/invitations/${id}`, { method: 'DELETE' });

export const listApiKeys = () => request<{ data: ApiKey[] }>('/settings/api-keys').then((body) => body.data);
/** Answers the secret once; the server keeps only its hash. */
export const createApiKey = (input: NewApiKeyInput) => request<{ id: string; key: string }>('/settings/api-keys', { method: 'POST', body: input });
export const revokeApiKey = (id: string) => request<void>(`/settings/api-keys/${id}`, { method: 'DELETE' });

// ---- two-factor of the signed-in user ----

export interface Enrolment { secret: string; otpauthUri: string; qrCode: string }

export const enrolTwoFactor = () => request<Enrolment>('/auth/two-factor/enrol', { method: 'POST', body: {} });
export const confirmTwoFactor = (code: string) => request<{ recoveryCodes: string[] }>('/auth/two-factor/confirm', { method: 'POST', body: { code } });
export const disableTwoFactor = (code: string) => request<void>('/auth/two-factor/disable', { method: 'POST', body: { code } });
