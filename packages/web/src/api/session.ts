// Sign-in, the signed-in user, sign-out and workspace switch (cookie sessions).
import { request } from './http';
import type { Session } from './types';

export interface SignInInput {
  email: string;
  password: string;
  /** A TOTP or recovery code, when the account has two-factor sign-in. */
  code?: string;
}

export const signIn = (input: SignInInput) => request<Omit<Session, 'permissions'>>('/auth/sign-in', { method: 'POST', body: input });
export const fetchSession = () => request<Session>('/auth/me');
export const signOut = () => request<void>('/auth/sign-out', { method: 'POST' });
export const switchWorkspace = (workspace: string) => request<Omit<Session, 'permissions'>>('/auth/switch', { method: 'POST', body: { workspace } });

/** Sends a one-time reset link to the address, when it belongs to an account (the answer never says). */
export const requestPasswordReset = (email: string) => request<void>('/auth/password-reset', { method: 'POST', body: { email } });
/** Sets a new password with the token from the link; every session of the account ends. */
export const resetPassword = (token: string, password: string) => request<void>('/auth/password-reset/confirm', { method: 'POST', body: { token, password } });

export interface InvitationSummary {
  workspaceName: string;
  email: string;
  role: string;
  expiresAt: string;
  /** The invited address has an account already: joining needs no name or password. */
  hasAccount: boolean;
}

export const lookUpInvitation = (token: string) => request<InvitationSummary>(`/invitations/${encodeURIComponent(token)}`);
/** Joins the workspace (a new account with name and password, or the existing one) and signs in. */
export const acceptInvitation = (token: string, input: { name?: string; password?: string }) =>
  request<Omit<Session, 'permissions'>>(`/invitations/${encodeURIComponent(token)}/accept`, { method: 'POST', body: input });
