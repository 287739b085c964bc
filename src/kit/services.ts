// Typed functions one feature offers others (the payroll report that `report payroll` shows).
// The owner declares a token in its index.ts and provides the function; a user imports the
// token and looks it up when called, so features may register in any order.
export interface ServiceToken<T> {
  readonly name: string;
  /** Carries T for the type checker only. */
  readonly _type?: T;
}

export function serviceToken<T>(name: string): ServiceToken<T> {
  return { name };
}

export interface Services {
  provide<T>(token: ServiceToken<T>, implementation: T): void;
  /** The implementation, or undefined when the feature that provides it is not installed. */
  get<T>(token: ServiceToken<T>): T | undefined;
}

export function createServices(): Services {
  const provided = new Map<string, unknown>();
  return {
    provide(token, implementation) {
      if (provided.has(token.name)) throw new Error(`service "${token.name}" provided twice`);
      provided.set(token.name, implementation);
    },
    get: <T>(token: ServiceToken<T>) => provided.get(token.name) as T | undefined,
  };
}
