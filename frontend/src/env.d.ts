/** A hash of the generated API types (src/types/api.ts), set at build time by vite.config.ts. */
declare const __API_SCHEMA__: string;
