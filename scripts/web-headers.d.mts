/** See web-headers.mjs. */
export declare const CSP: string;
export declare const CONTENT_TYPES: Record<string, string>;
export declare function cacheControl(pathname: string): string;
