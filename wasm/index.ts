// WebAssembly programs for agentvm: the WASI preview1 runtime and the Program that runs modules.
export { WasmProgram, DEFAULT_WASM_MEMORY, STATUS_CANNOT_RUN, moduleCacheStats, clearModuleCache, trapSignal } from './program.ts';
export type { WasmSource, WasmProgramOptions } from './program.ts';
export { Preview1, WASI_MODULE, hasJspi, wasiEnviron } from './wasi/preview1.ts';
export { FdMap, PREOPEN_FD, PREOPEN_PATH } from './wasi/fdmap.ts';
export { wasiErrno } from './wasi/errno.ts';
export { capMemory, MemoryLimitError } from './wasi/memlimit.ts';
