export { api } from './endpoints';
export { ApiError, isApiError, request, setCsrfToken, setLocaleSource, setLocalErrorText } from './client';
export { queryKeys } from './queryKeys';
export type * from './types';
export * from './assets';
export * from './classification';
export { downloadFile } from './download';
export * from './notifications';
