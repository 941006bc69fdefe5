use crate::declare_rule;
use crate::rules::{Context, Rule, RuleMeta};
use crate::syntax::Keyword;

declare_rule! {
    /// ## What it does
    /// Reports `RUN --network=host`.
    ///
    /// ## Why is this bad?
    /// The step shares the build host's network namespace: it can reach services bound to the
    /// host's localhost (metadata endpoints, databases, the Docker API over TCP) and needs the
    /// `network.host` entitlement. The default network is enough for downloads;
    /// `--network=none` is even better for steps that need no network.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN --network=host apt-get update
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN apt-get update
    /// ```
    pub RunNetworkHost {
        code: "SEC029",
        name: "run-network-host",
        family: Security,
        severity: Info,
        default_enabled: true,
        fix: None,
        aliases: [],
        summary: "RUN --network=host shares the host's network",
    }
}

impl Rule for RunNetworkHost {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        for (i, ins, _) in cx.instructions_with(Keyword::Run) {
            if let Some(f) = ins.flag("network")
                && f.value
                    .as_deref()
                    .is_some_and(|v| cx.model.expand_at(v, i).value.eq_ignore_ascii_case("host"))
            {
                cx.report(f.range, "this step uses the build host's network")
                    .set_help("drop --network=host; the default network is enough for downloads");
            }
        }
    }
}
