// Saved views of list pages through /api/v1/views: the caller's own and the workspace's shared ones.
import type { paths } from '@rapport/client';
import { request } from './http';

export type SavedView = paths['/api/v1/views/{id}']['get']['responses'][200]['content']['application/json'];
export type SavedViewList = paths['/api/v1/views']['get']['responses'][200]['content']['application/json'];
export type NewSavedView = paths['/api/v1/views']['post']['requestBody']['content']['application/json'];
export type SavedViewChange = paths['/api/v1/views/{id}']['patch']['requestBody']['content']['application/json'];

export const listViews = (object: string, signal?: AbortSignal) => request<SavedViewList>('/views', { query: { object }, signal });

export const getView = (id: string, signal?: AbortSignal) => request<SavedView>(`/views/${id}`, { signal });

export const createView = (view: NewSavedView) => request<SavedView>('/views', { method: 'POST', body: view });

export const updateView = (id: string, change: SavedViewChange, version: number) =>
  request<SavedView>(`/views/${id}`, { method: 'PATCH', body: change, ifMatch: version });

export const deleteView = (id: string, version: number) => request<void>(`/views/${id}`, { method: 'DELETE', ifMatch: version });
