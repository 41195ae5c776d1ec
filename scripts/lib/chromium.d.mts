/** Path to the Chromium the browser tests use. */
export declare const chromiumPath: string;
/** Flags for headless Chromium on a closed network. */
export declare const chromiumArgs: string[];
