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
