/** An esbuild plugin that copies the element's files beside the bundle when a build ends. */
export declare function tandemAssets(): { name: string; setup(build: unknown): void };
