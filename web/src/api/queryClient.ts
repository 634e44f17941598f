import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './problem';

/**
 * Server state: cached for 30 s, refetched when the window regains focus. A refused request
 * (4xx) is not retried; a failing service is retried once before its section says it is down.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failureCount, error) => {
          if (error instanceof ApiError && error.status < 500) return false;
          return failureCount < 1;
        },
      },
      mutations: { retry: false },
    },
  });
}
