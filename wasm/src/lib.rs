//! WebAssembly bindings (filled in by the wasm issue).
