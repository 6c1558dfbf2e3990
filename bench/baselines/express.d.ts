// Express ships no types and @types/express is not a dependency (Express is a bench-only baseline); just what we use.
declare module 'express' {
  interface Response {
    json(body: unknown): Response;
  }
  interface Application {
    handle: (...args: unknown[]) => void;
    get(path: string, handler: (req: unknown, res: Response) => void): Application;
  }
  const express: () => Application;
  export default express;
}
