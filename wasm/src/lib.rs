//! WebAssembly bindings for Stowage: the npm package `@stowage/wasm`.
//!
//! This is the raw layer. The public API is the hand-written `wasm/js/index.js` wrapper (with
//! `index.d.ts`), which turns config errors into `Error`s, recovers from traps and picks the
//! loader for Node or the browser. Everything here takes strings and returns JSON text (see
//! [`json`]), which the wrapper parses into plain objects (`null`, never `undefined`).
//!
//! The pure conversion code lives in [`convert`] and is unit-tested natively.

#[cfg(target_arch = "wasm32")]
mod alloc;
pub mod convert;
pub mod json;

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: alloc::SizeClasses = alloc::SizeClasses::new();

use stowage_core::config::Config;
use stowage_core::lint::{Inputs, Linter};
use stowage_core::text::PositionEncoding;
use wasm_bindgen::prelude::*;

use convert::{ConfigErrorOut, Converter};
use json::{json_object, to_json};

/// A config error, thrown as its JSON text (`js/index.js` parses it).
fn config_error_to_js(e: &ConfigErrorOut) -> JsValue {
    JsValue::from_str(&to_json(e))
}

/// The engine's version.
#[wasm_bindgen]
#[must_use]
pub fn version() -> String {
    stowage_core::VERSION.to_owned()
}

/// Every rule's metadata. The docs are not in the .wasm: `js/index.js` adds them as `docs` from
/// `js/rule-docs.js`.
#[wasm_bindgen]
pub fn rules() -> String {
    to_json(&convert::rules())
}

/// The configuration the CLI uses when there is no `stowage.toml`, in the shape the
/// `Linter` constructor accepts.
#[wasm_bindgen(js_name = defaultConfig)]
pub fn default_config() -> String {
    to_json(&convert::default_config())
}

/// Parses and validates a configuration without building a linter. Returns nothing when it
/// is valid, else `{ message, key, span, help }`.
#[wasm_bindgen(js_name = checkConfig)]
pub fn check_config(json: Option<String>, toml: Option<String>) -> Option<String> {
    match convert::load_config(json.as_deref(), toml.as_deref()).and_then(|c| {
        Linter::new(c.clone())
            .map(|_| ())
            .map_err(|e| ConfigErrorOut::from_core(e, toml.as_deref()))
    }) {
        Ok(()) => None,
        Err(e) => Some(to_json(&e)),
    }
}

/// Converts hadolint's `.hadolint.yaml` text into the equivalent Stowage config object (the
/// `hadolint` preset plus the file's ignores, overrides, trusted registries and label schema),
/// as the CLI does when a project has no `stowage.toml`. Returns `{ config }` or
/// `{ error: { message, key, span, help } }`.
#[wasm_bindgen(js_name = configFromHadolint)]
pub fn config_from_hadolint(yaml: &str) -> String {
    struct Out {
        config: Option<stowage_core::config::Table>,
        error: Option<ConfigErrorOut>,
    }
    json_object!(Out {
        "config": config,
        "error": error,
    });
    let out = match stowage_core::config::HadolintConfig::from_yaml(yaml) {
        Ok(h) => {
            let (config, _dropped) = h.to_config();
            // The same keys `stowage migrate hadolint` writes as TOML.
            Out {
                config: Some(config.to_table()),
                error: None,
            }
        }
        Err(e) => {
            let mut err = ConfigErrorOut::from_core(e, None);
            err.message = err
                .message
                .replacen("invalid config:", "invalid .hadolint.yaml:", 1);
            Out {
                config: None,
                error: Some(err),
            }
        }
    };
    to_json(&out)
}

/// What the caller knows of the build context: whether it looked for a `.dockerignore`, and
/// its text if there is one.
fn build_context(dockerignore: Option<String>, dockerignore_checked: bool) -> Inputs {
    Inputs {
        dockerignore,
        dockerignore_checked,
        ..Inputs::default()
    }
}

/// The engine's `WebAssembly.Memory`, for JS to write sources into (see
/// [`RawLinter::input_buffer`]).
#[wasm_bindgen(js_name = engineMemory)]
pub fn engine_memory() -> JsValue {
    wasm_bindgen::memory()
}

/// A configured linter (raw; wrapped by the JS `Linter` class).
#[wasm_bindgen]
pub struct RawLinter {
    linter: Linter,
    /// Only the syntax rules, for `parse`.
    syntax: Linter,
    encoding: PositionEncoding,
    /// The source of `lintDockerfileInput`, written by JS straight into this memory with
    /// `TextEncoder.encodeInto`: the glue's own string passing copies it a character at a time
    /// in JS.
    input: Vec<u8>,
}

#[wasm_bindgen]
impl RawLinter {
    /// `json`: a JSON-stringified config object; `toml`: `stowage.toml` text; neither: the
    /// CLI defaults. `encoding`: `"utf-16"` (default), `"utf-8"` or `"utf-32"`.
    ///
    /// # Errors
    /// Throws the JSON text of `{ message, key, span, help }` on a bad config or encoding.
    #[wasm_bindgen(constructor)]
    pub fn new(
        json: Option<String>,
        toml: Option<String>,
        encoding: Option<String>,
    ) -> Result<RawLinter, JsValue> {
        let encoding =
            convert::parse_encoding(encoding.as_deref()).map_err(|e| config_error_to_js(&e))?;
        let config = convert::load_config(json.as_deref(), toml.as_deref())
            .map_err(|e| config_error_to_js(&e))?;
        let syntax_config = Config {
            select: Some(vec!["syntax".to_owned()]),
            extend_select: Vec::new(),
            ..config.clone()
        };
        let linter = Linter::new(config)
            .map_err(|e| config_error_to_js(&ConfigErrorOut::from_core(e, toml.as_deref())))?;
        let syntax = Linter::new(syntax_config)
            .map_err(|e| config_error_to_js(&ConfigErrorOut::from_core(e, toml.as_deref())))?;
        Ok(Self {
            linter,
            syntax,
            encoding,
            input: Vec::new(),
        })
    }

    /// Room for `len` bytes of UTF-8 source: its address in the WebAssembly memory, valid until
    /// the next call into the engine. The buffer only grows (zeroing it per call costs more
    /// than the copy it saves); bytes past what JS writes are never read.
    #[wasm_bindgen(js_name = inputBuffer)]
    pub fn input_buffer(&mut self, len: usize) -> usize {
        if self.input.len() < len {
            self.input.resize(len, 0);
        }
        self.input.as_ptr().addr()
    }

    /// `lintDockerfile` for the first `len` bytes written into [`RawLinter::input_buffer`].
    /// Invalid UTF-8 (which `TextEncoder` never writes) is read as U+FFFD, never trusted.
    #[wasm_bindgen(js_name = lintDockerfileInput)]
    pub fn lint_dockerfile_input(
        &self,
        len: usize,
        dockerignore: Option<String>,
        dockerignore_checked: bool,
    ) -> String {
        let bytes = self.input.get(..len).unwrap_or_default();
        // `from_utf8` checks ASCII a word at a time; `from_utf8_lossy` walks chunk by chunk,
        // which is slower even when (as always from `TextEncoder`) there is nothing to replace.
        let source = match std::str::from_utf8(bytes) {
            Ok(text) => std::borrow::Cow::Borrowed(text),
            Err(_) => String::from_utf8_lossy(bytes),
        };
        self.lint_dockerfile(&source, dockerignore, dockerignore_checked)
    }

    /// `{ diagnostics }` for Dockerfile text. `dockerignore_checked`: the caller looked for a
    /// `.dockerignore` (whose text is `dockerignore`, if it exists), as the CLI does.
    #[wasm_bindgen(js_name = lintDockerfile)]
    pub fn lint_dockerfile(
        &self,
        source: &str,
        dockerignore: Option<String>,
        dockerignore_checked: bool,
    ) -> String {
        let inputs = build_context(dockerignore, dockerignore_checked);
        let result = self.linter.lint_dockerfile_with(source, &inputs);
        let cv = Converter::new(source, self.encoding);
        to_json(&convert::LintOut {
            diagnostics: cv.diagnostics(&result.diagnostics),
        })
    }

    /// `{ diagnostics }` for an image document (OCI/Docker manifest, index, config,
    /// `docker inspect` or `docker save` JSON), positioned in the JSON text.
    /// `image_reference`: the reference it was pulled by, if known.
    #[wasm_bindgen(js_name = lintImage)]
    pub fn lint_image(&self, json: &str, image_reference: Option<String>) -> String {
        let inputs = Inputs {
            image_reference,
            ..Inputs::default()
        };
        let result = self.linter.lint_image_with(json, &inputs);
        let cv = Converter::new(json, self.encoding);
        to_json(&convert::LintOut {
            diagnostics: cv.diagnostics(&result.diagnostics),
        })
    }

    /// `{ output, applied, remaining, stoppedOnError }`; `remaining` is positioned in `output`.
    pub fn fix(
        &self,
        source: &str,
        unsafe_fixes: bool,
        dockerignore: Option<String>,
        dockerignore_checked: bool,
    ) -> String {
        let inputs = build_context(dockerignore, dockerignore_checked);
        let result = self.linter.fix(source, &inputs, unsafe_fixes);
        to_json(&convert::fix_out(&result, self.encoding))
    }

    /// Size advice: `{ tableVersion, suggestions, totals }`, what `stowage optimize` reports,
    /// with ranges in the chosen encoding.
    pub fn optimize(
        &self,
        source: &str,
        dockerignore: Option<String>,
        dockerignore_checked: bool,
    ) -> String {
        let inputs = build_context(dockerignore, dockerignore_checked);
        let report = stowage_core::optimize::optimize(source, &inputs);
        to_json(&convert::optimize_out(&report, source, self.encoding))
    }

    /// The parse dump (as `stowage parse --format json`) plus the syntax diagnostics.
    pub fn parse(&self, source: &str) -> String {
        to_json(&convert::parse_out(source, &self.syntax, self.encoding))
    }
}

/// Panics on purpose (test builds only), to check that a trap does not break the next call.
#[cfg(feature = "panic-test")]
#[wasm_bindgen(js_name = "__panicForTest")]
pub fn panic_for_test() {
    panic!("__panicForTest: a deliberate panic");
}
