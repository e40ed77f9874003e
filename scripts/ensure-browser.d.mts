export declare const NPM_CHROMIUM: { name: string; version: string };
export declare const MISSING_BROWSER: string;
export declare class BrowserMissing extends Error {}
export interface FoundBrowser {
  path: string;
  source: string;
}
export declare function findBrowser(opts?: { env?: NodeJS.ProcessEnv }): Promise<FoundBrowser | null>;
export declare function ensureBrowser(opts?: { env?: NodeJS.ProcessEnv; log?: (message: string) => void }): Promise<FoundBrowser>;
