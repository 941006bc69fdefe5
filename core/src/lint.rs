//! The linter: configuration resolved once, then any number of files.

use crate::config::{Config, ConfigError, Selector, Value};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Model;
use crate::rules::{self, Context, Target, registry, registry_index};
use crate::suppress::{self, Origin};
use crate::syntax::{self, Dockerfile};

/// Inputs beyond the Dockerfile text that the caller may provide (the CLI reads them from disk;
/// the core never does IO).
#[derive(Clone, Debug, Default)]
pub struct Inputs {
    /// Contents of the build context's `.dockerignore`, if there is one.
    pub dockerignore: Option<String>,
    /// Whether the caller looked for a `.dockerignore` (so "absent" means really absent).
    pub dockerignore_checked: bool,
    /// The image reference an image document was fetched by (`registry/repo:tag`), if known.
    pub image_reference: Option<String>,
}

/// The result of linting one file.
#[derive(Clone, Debug, Default)]
pub struct LintResult {
    /// Sorted by position.
    pub diagnostics: Vec<Diagnostic>,
}

impl LintResult {
    /// The highest severity present.
    #[must_use]
    pub fn max_severity(&self) -> Option<Severity> {
        self.diagnostics.iter().map(|d| d.severity).max()
    }
}

/// A configured linter.
#[derive(Clone, Debug)]
pub struct Linter {
    config: Config,
    enabled: Vec<bool>,
    /// Registry indices of the enabled Dockerfile rules, in registry order: what a lint runs,
    /// each with the commands it is limited to (see [`rules::Rule::only_on`]).
    dockerfile_rules: Vec<(usize, &'static rules::RuleMeta, Option<rules::CommandKinds>)>,
    severity: Vec<Severity>,
    options: Vec<Option<Value>>,
    /// `[[custom-rules]]`, compiled, with whether each runs.
    custom: Vec<rules::policy::custom::Compiled>,
}

impl Default for Linter {
    fn default() -> Self {
        Self::new(Config::default()).unwrap_or_else(|_| Self::from_parts(Config::default()))
    }
}

impl Linter {
    /// Resolves a configuration.
    ///
    /// # Errors
    /// When a selector, severity key or option key names no rule.
    pub fn new(config: Config) -> Result<Self, ConfigError> {
        // Policy engine: presets named in `extends` are expanded and `[policy]` keys turn
        // their rules on (idempotent; `extends` files must be merged by the caller first).
        let config = config.resolve()?;
        config.validate()?;
        Ok(Self::from_parts(config))
    }

    fn from_parts(config: Config) -> Self {
        let rules = registry();
        let mut enabled: Vec<bool> = rules.iter().map(|r| r.meta().default_enabled).collect();
        // `select` replaces the default set; the most specific selector wins on conflicts.
        let parse = |list: &[String]| -> Vec<Selector> {
            list.iter().filter_map(|s| Selector::find(s)).collect()
        };
        if let Some(select) = &config.select {
            let sel = parse(select);
            for (i, r) in rules.iter().enumerate() {
                enabled[i] = sel.iter().any(|s| s.selects(i, r.meta()));
            }
        }
        let extend = parse(&config.extend_select);
        let ignore = parse(&config.ignore);
        for (i, r) in rules.iter().enumerate() {
            let best_on = extend
                .iter()
                .filter(|s| s.selects(i, r.meta()))
                .map(|s| s.specificity())
                .max();
            let best_off = ignore
                .iter()
                .filter(|s| s.selects(i, r.meta()))
                .map(|s| s.specificity())
                .max();
            match (best_on, best_off) {
                (Some(on), Some(off)) => enabled[i] = on > off,
                (Some(_), None) => enabled[i] = true,
                (None, Some(_)) => enabled[i] = false,
                (None, None) => {}
            }
        }
        let mut severity: Vec<Severity> = rules.iter().map(|r| r.meta().severity).collect();
        for (key, sev) in &config.severity {
            for i in Selector::find(key).map(Selector::rules).unwrap_or_default() {
                severity[i] = *sev;
            }
        }
        let mut options = vec![None; rules.len()];
        for (key, value) in &config.rules {
            for i in Selector::find(key).map(Selector::rules).unwrap_or_default() {
                options[i] = Some(value.clone());
            }
        }
        let custom = rules::policy::custom::compile(&config);
        let dockerfile_rules = (0..rules.len())
            .filter(|&i| enabled[i] && rules[i].meta().target == Target::Dockerfile)
            .map(|i| (i, rules[i].meta(), rules[i].only_on()))
            .collect();
        Self {
            config,
            enabled,
            dockerfile_rules,
            severity,
            options,
            custom,
        }
    }

    #[must_use]
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The configuration's `[[custom-rules]]`, compiled (for listings such as `stowage rules`).
    #[must_use]
    pub fn custom_rules(&self) -> &[rules::policy::custom::Compiled] {
        &self.custom
    }

    /// Whether a rule (by registry index) runs.
    #[must_use]
    pub fn is_enabled(&self, index: usize) -> bool {
        self.enabled.get(index).copied().unwrap_or(false)
    }

    /// Lints Dockerfile text.
    #[must_use]
    pub fn lint_dockerfile(&self, source: &str) -> LintResult {
        self.lint_dockerfile_with(source, &Inputs::default())
    }

    /// Lints Dockerfile text with extra inputs.
    #[must_use]
    pub fn lint_dockerfile_with(&self, source: &str, inputs: &Inputs) -> LintResult {
        let df = syntax::parse(source);
        self.lint_parsed(source, &df, inputs)
    }

    /// Lints bytes that may not be UTF-8 (reported as `invalid-utf8`, the rest still checked).
    /// Returns the decoded text the diagnostics' offsets refer to.
    #[must_use]
    pub fn lint_bytes(&self, bytes: &[u8], inputs: &Inputs) -> (String, LintResult) {
        let (text, df) = syntax::parse_bytes(bytes);
        let result = self.lint_parsed(&text, &df, inputs);
        (text, result)
    }

    /// Lints an already parsed file.
    #[must_use]
    pub fn lint_parsed(&self, source: &str, df: &Dockerfile, inputs: &Inputs) -> LintResult {
        self.lint_parsed_skipping(source, df, inputs, true)
    }

    /// [`Linter::lint_parsed`]; `skip_unrelated: false` also runs the rules whose commands the
    /// file does not run (tests check that this changes nothing).
    fn lint_parsed_skipping(
        &self,
        source: &str,
        df: &Dockerfile,
        inputs: &Inputs,
        skip_unrelated: bool,
    ) -> LintResult {
        let model = Model::new(source, df, self.config.target.as_deref());
        let scripts = rules::collect_scripts(source, &model);
        let memo = rules::context::Memo::default();
        let mut all: Vec<(usize, Diagnostic)> = Vec::new();
        let registered = registry();
        // One context for all rules: only the rule's metadata and options change (building a
        // context per rule was a visible share of the fixed cost of a lint).
        let mut cx = Context {
            source,
            dockerfile: df,
            model: &model,
            scripts: &scripts,
            options: None,
            policy: &self.config.policy,
            inputs,
            memo: &memo,
            meta: &rules::style::UnknownSuppression::META,
            diagnostics: Vec::new(),
        };
        let present = rules::CommandKinds::of(&scripts);
        for &(index, meta, only_on) in &self.dockerfile_rules {
            if skip_unrelated && only_on.is_some_and(|kinds| !kinds.meets(present)) {
                continue;
            }
            let Some(rule) = registered.get(index) else {
                continue;
            };
            cx.meta = meta;
            cx.options = self.options.get(index).and_then(Option::as_ref);
            rule.check(&mut cx);
            // Most rules find nothing: nothing to move.
            if !cx.diagnostics.is_empty() {
                all.extend(cx.diagnostics.drain(..).map(|d| (index, d)));
            }
        }
        // Suppressions, then the findings about suppressions themselves.
        let mut sups = suppress::collect(source, df);
        if self.config.inline_suppressions == Some(false) {
            sups.clear(); // hadolint's `disable-ignore-pragma`
        }
        // `[[custom-rules]]`: checked and suppressed by their own ids.
        let custom =
            rules::policy::custom::check(&self.custom, source, &model, &scripts, &mut sups);
        let mut index = suppress::SuppressionIndex::new(&sups);
        let mut diagnostics: Vec<Diagnostic> = all
            .into_iter()
            .filter(|(i, d)| !index.is_suppressed(&mut sups, *i, d.range))
            .map(|(index, mut d)| {
                if d.severity == registry()[index].meta().severity {
                    d.severity = self.severity[index];
                }
                d
            })
            .chain(custom)
            .collect();
        self.report_suppressions(&sups, &mut diagnostics);
        crate::util::sort::sort_by(&mut diagnostics, |a, b| {
            a.range
                .start
                .cmp(&b.range.start)
                .then(a.code.cmp(b.code))
                .then(a.range.end.cmp(&b.range.end))
        });
        diagnostics
            .dedup_by(|a, b| a.code == b.code && a.range == b.range && a.message == b.message);
        LintResult { diagnostics }
    }

    /// Lints an image document (manifest, index, config, `docker inspect`, `docker save`).
    #[must_use]
    pub fn lint_image(&self, json: &str) -> LintResult {
        self.lint_image_with(json, &Inputs::default())
    }

    /// Lints an image document with extra inputs (the reference it was pulled by).
    #[must_use]
    pub fn lint_image_with(&self, json: &str, inputs: &Inputs) -> LintResult {
        let analysis = crate::image::analyze(json);
        let options = self.image_options(inputs);
        let findings = analysis
            .document
            .as_ref()
            .map(|d| crate::image::check(d, &options))
            .unwrap_or_default();
        let mut diagnostics = Vec::new();
        for (index, rule) in registry().iter().enumerate() {
            let meta = rule.meta();
            if !self.enabled[index] || meta.target != Target::Image {
                continue;
            }
            let mut cx = rules::ImageContext {
                source: json,
                analysis: &analysis,
                findings: &findings,
                meta,
                diagnostics: Vec::new(),
            };
            rule.check_image(&mut cx);
            diagnostics.extend(cx.diagnostics.into_iter().map(|mut d| {
                if d.severity == meta.severity {
                    d.severity = self.severity[index];
                }
                d
            }));
        }
        if let Some(doc) = &analysis.document {
            diagnostics.extend(self.lint_history(doc));
        }
        crate::util::sort::sort_by(&mut diagnostics, |a, b| {
            a.range.start.cmp(&b.range.start).then(a.code.cmp(b.code))
        });
        LintResult { diagnostics }
    }

    /// Runs the Dockerfile rules that make sense on rebuilt history steps (as Trivy does) and
    /// reports them on the `created_by` strings.
    fn lint_history(&self, doc: &crate::image::ImageDocument) -> Vec<Diagnostic> {
        use crate::rules::Family;
        let Some(config) = doc.image_config.as_ref() else {
            return Vec::new();
        };
        let steps = crate::image::rebuild_history(config);
        if steps.is_empty() {
            return Vec::new();
        }
        // A synthetic Dockerfile, one step per line, remembering where each line starts.
        let mut text = String::from("FROM scratch\n");
        let mut starts = Vec::new();
        for step in &steps {
            let line = step.instruction_text.replace(['\n', '\r'], " ");
            if line.trim().is_empty() {
                continue;
            }
            starts.push((text.len(), step));
            text.push_str(&line);
            text.push('\n');
        }
        let history_rules: Vec<bool> = registry()
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let m = r.meta();
                self.enabled[i]
                    && m.target == Target::Dockerfile
                    && matches!(m.family, Family::Security | Family::Size)
                    && !matches!(m.code, "SEC001")
            })
            .collect();
        let df = syntax::parse(&text);
        let model = Model::new(&text, &df, None);
        let scripts = rules::collect_scripts(&text, &model);
        let memo = rules::context::Memo::default();
        let mut out = Vec::new();
        let inputs = Inputs::default();
        for (index, rule) in registry().iter().enumerate() {
            if !history_rules[index] {
                continue;
            }
            let meta = rule.meta();
            let mut cx = Context {
                source: &text,
                dockerfile: &df,
                model: &model,
                scripts: &scripts,
                options: self.options[index].as_ref(),
                policy: &self.config.policy,
                inputs: &inputs,
                memo: &memo,
                meta,
                diagnostics: Vec::new(),
            };
            rule.check(&mut cx);
            for mut d in cx.diagnostics {
                let at = d.range.start as usize;
                let Some((_, step)) = starts.iter().rev().find(|(s, _)| *s <= at) else {
                    continue;
                };
                d.message = format!("history step {}: {}", step.index, d.message);
                d.range = step.created_by_range;
                d.fix = None;
                d.labels.clear();
                d.severity = self.severity[index];
                out.push(d);
            }
        }
        out
    }

    fn image_options(&self, inputs: &Inputs) -> crate::image::ImageOptions {
        use crate::rules::image as img;
        let mut o = crate::image::ImageOptions {
            reference: inputs.image_reference.clone(),
            ..Default::default()
        };
        let opt = |code: &str| {
            registry()
                .iter()
                .position(|r| r.meta().code == code)
                .and_then(|i| self.options[i].as_ref())
        };
        let get_u64 = |v: &Value, k: &str| {
            v.get(k)
                .and_then(Value::as_integer)
                .and_then(|n| u64::try_from(n).ok())
        };
        if let Some(v) = opt(img::SizeBudget::META.code) {
            o.size_budget_bytes = get_u64(v, "max-bytes").unwrap_or(o.size_budget_bytes);
        }
        if let Some(v) = opt(img::LargeLayer::META.code) {
            o.large_layer_bytes = get_u64(v, "max-bytes").unwrap_or(o.large_layer_bytes);
            o.large_layer_share = v
                .get("max-share")
                .and_then(Value::as_float)
                .unwrap_or(o.large_layer_share);
        }
        if let Some(v) = opt(img::LayerCount::META.code) {
            o.max_layers = get_u64(v, "max")
                .and_then(|n| usize::try_from(n).ok())
                .unwrap_or(o.max_layers);
        }
        if let Some(v) = opt(img::SinglePlatform::META.code) {
            o.required_platforms = v.strings("platforms").unwrap_or(o.required_platforms);
            o.require_multi_platform = v
                .get("require-multi-platform")
                .and_then(Value::as_bool)
                .unwrap_or(false);
        }
        if let Some(v) = opt(img::MissingOciLabels::META.code) {
            o.required_labels = v.strings("labels").unwrap_or(o.required_labels);
        }
        o
    }

    fn report_suppressions(&self, sups: &[suppress::Suppression], out: &mut Vec<Diagnostic>) {
        use crate::rules::style::{UnknownSuppression, UnusedSuppression};
        if sups.is_empty() {
            return;
        }
        let unknown = registry_index(UnknownSuppression::META.code);
        let unused = registry_index(UnusedSuppression::META.code);
        for s in sups.iter().filter(|s| s.origin == Origin::Stowage) {
            if s.rules.is_empty() {
                if let Some(i) = unknown.filter(|i| self.enabled[*i]) {
                    let m = &UnknownSuppression::META;
                    out.push(
                        Diagnostic::new(
                            m.code,
                            m.name,
                            self.severity[i],
                            format!("`{}` is not a Stowage rule code, name or alias", s.code),
                            s.code_range,
                        )
                        .with_help("run `stowage rules` to list the codes"),
                    );
                }
            } else if !s.used
                && let Some(i) = unused.filter(|i| self.enabled[*i])
            {
                let m = &UnusedSuppression::META;
                out.push(
                    Diagnostic::new(
                        m.code,
                        m.name,
                        self.severity[i],
                        format!(
                            "suppression of `{}` is unused: nothing to ignore here",
                            s.code
                        ),
                        s.code_range,
                    )
                    .with_help("remove it, so it does not hide a future finding"),
                );
            }
        }
    }
}

/// The outcome of fixing a file.
#[derive(Clone, Debug, Default)]
pub struct FixResult {
    pub output: String,
    /// Titles of the fixes applied, with their rule codes, in order.
    pub applied: Vec<(&'static str, String)>,
    /// Findings left after fixing.
    pub remaining: Vec<Diagnostic>,
    /// The fixed text would have gained parse errors, so fixing stopped early.
    pub stopped_on_error: bool,
}

impl Linter {
    /// Applies fixes until nothing changes (at most 10 rounds). A round that would add parse
    /// errors is rolled back, so a fix never makes a file worse.
    #[must_use]
    pub fn fix(&self, source: &str, inputs: &Inputs, unsafe_fixes: bool) -> FixResult {
        let mut text = source.to_owned();
        let mut applied = Vec::new();
        let mut stopped_on_error = false;
        let mut errors_before = syntax::parse(&text).errors.len();
        for _round in 0..10 {
            let result = self.lint_dockerfile_with(&text, inputs);
            let fixes: Vec<&Diagnostic> = result
                .diagnostics
                .iter()
                .filter(|d| {
                    d.fix
                        .as_ref()
                        .is_some_and(|f| crate::fix::is_applicable(f, unsafe_fixes))
                })
                .collect();
            if fixes.is_empty() {
                break;
            }
            let (next, n) =
                crate::fix::apply_fixes(&text, fixes.iter().filter_map(|d| d.fix.as_ref()));
            if n == 0 || next == text {
                break;
            }
            let errors_after = syntax::parse(&next).errors.len();
            if errors_after > errors_before {
                stopped_on_error = true;
                break;
            }
            errors_before = errors_after;
            // Record what was applied this round (same order as apply_fixes chose).
            let mut sorted: Vec<&&Diagnostic> = fixes.iter().collect();
            crate::util::sort::sort_by_key(&mut sorted, |d| {
                d.fix
                    .as_ref()
                    .and_then(crate::fix::Fix::range)
                    .map(|r| (r.start, r.end))
            });
            let mut last_end: Option<u32> = None;
            for d in sorted {
                let Some(f) = &d.fix else { continue };
                let Some(r) = f.range() else { continue };
                if last_end.is_some_and(|end| r.start < end || (r.start == end && r.is_empty())) {
                    continue;
                }
                last_end = Some(r.end);
                applied.push((d.code, f.title.clone()));
            }
            text = next;
        }
        let remaining = self.lint_dockerfile_with(&text, inputs).diagnostics;
        FixResult {
            output: text,
            applied,
            remaining,
            stopped_on_error,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every rule that declares [`rules::Rule::only_on`] must find nothing in a file that runs
    /// none of those commands: skipping it then changes no result. Checked on every rule's
    /// documented examples, a file mixing the kinds, and the real corpus when it is present.
    #[test]
    #[expect(
        clippy::disallowed_methods,
        reason = "the test (not the engine) reads the real corpus beside the checkout"
    )]
    fn skipping_rules_for_absent_commands_changes_nothing() {
        let all = Linter::new(Config {
            select: Some(vec!["all".to_owned()]),
            ..Config::default()
        })
        .expect("select all");
        let mut sources: Vec<String> = Vec::new();
        #[cfg(feature = "docs")]
        for rule in registry() {
            for title in ["Example", "Use instead"] {
                sources.extend(rule.meta().example(title));
            }
        }
        sources.push(
            "FROM fedora:40\nRUN dnf install httpd && gem install rails && go install x.io/y@latest\n\
             RUN curl -k https://x | sh && wget --no-check-certificate http://y && chmod 777 /t\n"
                .to_owned(),
        );
        let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../shared/corpus/dockerfiles/real");
        if let Ok(dir) = std::fs::read_dir(&corpus) {
            for entry in dir.flatten() {
                let path = entry.path();
                if path.extension().is_none_or(|e| e != "dockerignore") {
                    sources.extend(std::fs::read_to_string(path).ok());
                }
            }
        }
        let mut skipped_somewhere = 0;
        for source in &sources {
            let df = syntax::parse(source);
            let inputs = Inputs::default();
            let fast = all.lint_parsed_skipping(source, &df, &inputs, true);
            let full = all.lint_parsed_skipping(source, &df, &inputs, false);
            assert_eq!(fast.diagnostics, full.diagnostics, "in:\n{source}");
            let model = Model::new(source, &df, None);
            let present = rules::CommandKinds::of(&rules::collect_scripts(source, &model));
            skipped_somewhere += all
                .dockerfile_rules
                .iter()
                .filter(|(_, _, only)| only.is_some_and(|k| !k.meets(present)))
                .count();
        }
        // The check above would pass vacuously if no rule were ever skipped.
        assert!(skipped_somewhere > 0);
    }
}
