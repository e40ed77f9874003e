// The capture hook is preloaded for its side effects only (see capture-hook.mjs).
export {};
