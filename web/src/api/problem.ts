/** An RFC 9457 problem as every DELMS service and the gateway answer it. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  errors?: { field: string; message: string }[];
  [extension: string]: unknown;
}

export type ServiceName =
  | 'license-service'
  | 'customer-service'
  | 'sales-service'
  | 'deployment-service'
  | 'alert-service'
  | 'gateway';

/** A failed API call: the status, the problem the server sent and the service asked. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | undefined;
  readonly service: ServiceName;

  constructor(status: number, problem: Problem | undefined, service: ServiceName) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.service = service;
  }

  /** The request met someone else's change (stale version or ETag). */
  get isConflict(): boolean {
    return this.status === 409 || this.status === 412;
  }

  /** The service (or the gateway in front of it) could not answer. */
  get isUnavailable(): boolean {
    return this.status === 502 || this.status === 503 || this.status === 504;
  }
}

/** A network failure: the gateway itself could not be reached. */
export function isNetworkError(error: unknown): boolean {
  return error instanceof TypeError;
}

/** Field messages of a validation problem, keyed by field path, for a form. */
export function fieldErrorsOf(problem: Problem | undefined): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const { field, message } of problem?.errors ?? []) {
    (result[field] ??= []).push(message);
  }
  return result;
}

export async function readProblem(response: Response): Promise<Problem | undefined> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined;
  try {
    return (await response.clone().json()) as Problem;
  } catch {
    return undefined;
  }
}
