export declare const serverDist: string;
export declare const distMain: string;
export declare function serverBuildFresh(): Promise<boolean>;
export declare function buildServer(): Promise<void>;
export declare function ensureServerBuild(opts?: { quiet?: boolean }): Promise<boolean>;
