use super::sz019_bloated_base_image::report_advice;
use crate::declare_rule;
use crate::optimize::SuggestionKind;
use crate::rules::{Context, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports what a multi-stage build would leave out of the shipped image: a build
    /// toolchain image (`golang`, a JDK) that compiles in the stage that ships, compilers and
    /// `-dev` packages installed in a shipped stage (in any build, unlike SZ016 which looks at
    /// single-stage builds only), and `npm install`/`npm ci` without `--omit=dev` (nor
    /// `NODE_ENV=production` or a later `npm prune`) in the shipped stage. The message gives
    /// the estimated saving.
    ///
    /// ## Why is this bad?
    /// Compilers, headers and devDependencies are needed to build, not to run. Shipping them
    /// costs hundreds of megabytes and gives an attacker tools inside the container. A builder
    /// stage compiles; the final stage copies only the result onto a small base.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM golang:1.22
    /// WORKDIR /src
    /// COPY . .
    /// RUN go build -o /app .
    /// CMD ["/app"]
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM golang:1.22 AS build
    /// WORKDIR /src
    /// COPY . .
    /// RUN CGO_ENABLED=0 go build -o /app .
    ///
    /// FROM gcr.io/distroless/static-debian12
    /// COPY --from=build /app /app
    /// CMD ["/app"]
    /// ```
    ///
    /// ## References
    /// `stowage optimize` prints the same advice with a complete multi-stage example.
    pub MultiStageBuildAdvice {
        code: "SZ020",
        name: "multi-stage-build-advice",
        family: Size,
        severity: Info,
        default_enabled: true,
        fix: None,
        aliases: [],
        summary: "Build tools or dev dependencies end up in the shipped image: use a multi-stage build",
    }
}

impl Rule for MultiStageBuildAdvice {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        // Build tools in a single-stage build are SZ016's.
        let single = cx.model.stages.len() == 1;
        report_advice(cx, Self::META.code, SuggestionKind::MultiStage, |s| {
            !(single && s.title.starts_with("build tools"))
        });
    }
}
