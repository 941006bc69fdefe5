//! Agreement with hadolint over the real corpus (`../shared/corpus/dockerfiles/real`, oracle
//! `oracle/hadolint.jsonl`, hadolint 2.15.1 with its default rules).
//!
//! For every hadolint `DL` code that some Stowage rule lists in its `aliases`, at least
//! [`MIN_RECALL`] of hadolint's findings must be reproduced. The definitions (also in
//! `docs/accuracy.md`):
//!
//! - Stowage runs with `select = ["all"]` (opt-in rules included), no other configuration.
//! - A Stowage finding's **line span** is the 1-based line range of the instruction that contains
//!   the start of its range (from the keyword's line to the last line, heredoc bodies and
//!   terminators included), widened to the finding's own lines if they reach further. A finding
//!   outside any instruction (a comment, a directive) spans its own lines.
//! - A hadolint finding `(file, line, DLxxxx)` is **reproduced** when some Stowage finding in the
//!   same file, from a rule whose `aliases` contain `DLxxxx`, has a line span that contains `line`.
//!   (hadolint reports the first line of the instruction; Stowage reports the exact word.)
//! - A hadolint finding that is not reproduced is an **exception** only when it is listed in
//!   [`EXCEPTIONS`] with a reason that names a section of `docs/hadolint-differences.md`;
//!   otherwise it is a **miss**. Recall = reproduced / (hadolint count − exceptions).
//! - A Stowage finding of an aliased rule whose line span holds no hadolint finding of any of the
//!   rule's DL aliases is **additional** (hadolint missed it, or Stowage is wrong: spot-checked by
//!   hand, listed in the docs when deliberate). Not a failure.
//! - Files hadolint cannot parse (`DL1000`) have no other hadolint findings; what Stowage finds in
//!   them is counted separately.
//!
//! Run with `--nocapture` to see the table, the misses and the additional findings
//! (`HADOLINT_AGREEMENT_VERBOSE=1` lists every additional finding).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use stowage_core::rules::registry;
use stowage_core::text::LineIndex;
use stowage_core::{Config, Inputs, Linter, syntax};
use stowage_tests::{corpus_dir, read_jsonl};

/// Minimum recall per aliased DL code, after documented exceptions.
const MIN_RECALL: f64 = 0.97;

/// A hadolint finding Stowage does not reproduce on purpose: `(file name in dockerfiles/real,
/// hadolint's line, DL code, reason)`. The reason is the anchor (`<a id="reason"></a>`) of its
/// section in `docs/hadolint-differences.md`, which explains it with a minimal example (checked
/// by the test). Entries are grouped by reason; they were sorted into reasons by a per-code
/// check (stage, shell, command text) and each reason was verified on sample files by hand.
#[rustfmt::skip]
const EXCEPTIONS: &[(&str, u32, &str, &str)] = &[
    // builder-stages (51)
    ("GoogleContainerTools__distroless__examples__go.Dockerfile", 7, "DL3059", "builder-stages"),
    ("GoogleContainerTools__distroless__examples__go.Dockerfile", 8, "DL3059", "builder-stages"),
    ("GoogleContainerTools__distroless__examples__go.Dockerfile", 10, "DL3059", "builder-stages"),
    ("GoogleContainerTools__distroless__examples__java.Dockerfile", 5, "DL3059", "builder-stages"),
    ("GoogleContainerTools__distroless__examples__python3-requirements.Dockerfile", 5, "DL3009", "builder-stages"),
    ("PowerShell__PowerShell-Docker__release__7-2__alpine317__docker.Dockerfile", 24, "DL3059", "builder-stages"),
    ("PowerShell__PowerShell-Docker__release__7-4__alpine317__docker.Dockerfile", 24, "DL3059", "builder-stages"),
    ("PowerShell__PowerShell-Docker__release__7-4__azurelinux3__docker.Dockerfile", 31, "DL3059", "builder-stages"),
    ("PowerShell__PowerShell-Docker__release__7-5__ubuntu20.04-arm32v7__docker.Dockerfile", 34, "DL3059", "builder-stages"),
    ("StefanScherer__dockerfiles-windows__mongo__3.4__enterprise.Dockerfile", 11, "DL3059", "builder-stages"),
    ("StefanScherer__dockerfiles-windows__mongo__3.4__enterprise.Dockerfile", 12, "DL3059", "builder-stages"),
    ("StefanScherer__dockerfiles-windows__mongo__3.4__enterprise.Dockerfile", 13, "DL3059", "builder-stages"),
    ("StefanScherer__dockerfiles-windows__mongo__3.4__enterprise.Dockerfile", 17, "DL3059", "builder-stages"),
    ("StefanScherer__dockerfiles-windows__mongo__3.4__enterprise.Dockerfile", 18, "DL3059", "builder-stages"),
    ("StefanScherer__dockerfiles-windows__mongo__3.6.Dockerfile", 11, "DL3059", "builder-stages"),
    ("StefanScherer__dockerfiles-windows__mongo__3.6.Dockerfile", 12, "DL3059", "builder-stages"),
    ("StefanScherer__dockerfiles-windows__mongo__3.6.Dockerfile", 13, "DL3059", "builder-stages"),
    ("StefanScherer__dockerfiles-windows__mongo__3.6.Dockerfile", 18, "DL3059", "builder-stages"),
    ("StefanScherer__dockerfiles-windows__mongo__3.6.Dockerfile", 19, "DL3059", "builder-stages"),
    ("StefanScherer__dockerfiles-windows__mongo__3.6.Dockerfile", 20, "DL3059", "builder-stages"),
    ("StefanScherer__dockerfiles-windows__mongo__3.6.Dockerfile", 21, "DL3059", "builder-stages"),
    ("StefanScherer__dockerfiles-windows__mongo__3.6.Dockerfile", 23, "DL3059", "builder-stages"),
    ("devcontainers__images__src__anaconda__devcontainer.Dockerfile", 10, "DL3059", "builder-stages"),
    ("devcontainers__images__src__miniconda__devcontainer.Dockerfile", 9, "DL3059", "builder-stages"),
    ("docker__awesome-compose__aspnet-mssql__app__aspnetapp.Dockerfile", 9, "DL3059", "builder-stages"),
    ("docker__awesome-compose__nginx-golang-mysql__backend.Dockerfile", 24, "DL3019", "builder-stages"),
    ("docker__awesome-compose__nginx-golang-postgres__backend.Dockerfile", 24, "DL3019", "builder-stages"),
    ("docker__awesome-compose__nginx-golang__backend.Dockerfile", 24, "DL3019", "builder-stages"),
    ("dockersamples__example-voting-app__vote.Dockerfile", 18, "DL3042", "builder-stages"),
    ("jessfraz__dockerfiles__fleet.Dockerfile", 25, "DL3059", "builder-stages"),
    ("jessfraz__dockerfiles__fleet.Dockerfile", 26, "DL3059", "builder-stages"),
    ("jessfraz__dockerfiles__k8scan.Dockerfile", 16, "DL3059", "builder-stages"),
    ("jessfraz__dockerfiles__registry-auth.Dockerfile", 23, "DL3042", "builder-stages"),
    ("jessfraz__dockerfiles__registry-auth.Dockerfile", 24, "DL3059", "builder-stages"),
    ("jessfraz__dockerfiles__registry-auth.Dockerfile", 25, "DL3059", "builder-stages"),
    ("louislam__uptime-kuma__docker.Dockerfile", 80, "DL3059", "builder-stages"),
    ("louislam__uptime-kuma__docker.Dockerfile", 81, "DL3059", "builder-stages"),
    ("louislam__uptime-kuma__docker.Dockerfile", 84, "DL3059", "builder-stages"),
    ("louislam__uptime-kuma__docker.Dockerfile", 86, "DL3059", "builder-stages"),
    ("microsoft__dotnet-framework-docker__eng__docker-tools__syft.Dockerfile", 11, "DL3002", "builder-stages"),
    ("microsoft__dotnet-framework-docker__tests__Microsoft.DotNet.Framework.Docker.Tests__projects__dotnetapp-4.7.1.Dockerfile", 9, "DL3059", "builder-stages"),
    ("microsoft__dotnet-framework-docker__tests__Microsoft.DotNet.Framework.Docker.Tests__projects__dotnetapp-4.8.1.Dockerfile", 9, "DL3059", "builder-stages"),
    ("moby__buildkit__examples__create-certs.Dockerfile", 5, "DL3059", "builder-stages"),
    ("moby__buildkit__examples__create-certs.Dockerfile", 14, "DL3059", "builder-stages"),
    ("moby__buildkit__examples__create-certs.Dockerfile", 15, "DL3059", "builder-stages"),
    ("moby__buildkit__frontend__dockerfile__cmd__dockerfile-frontend.Dockerfile", 11, "DL3019", "builder-stages"),
    ("nginxinc__docker-nginx__modules__alpine.Dockerfile", 15, "DL3019", "builder-stages"),
    ("regclient__regclient__build__regbot.Dockerfile", 54, "DL3019", "builder-stages"),
    ("regclient__regclient__build__regbot.buildkit.Dockerfile", 72, "DL3019", "builder-stages"),
    ("tianon__dockerfiles__adsb__acarsdec.Dockerfile", 75, "DL3059", "builder-stages"),
    ("tianon__dockerfiles__docker-desktop.Dockerfile", 43, "DL3059", "builder-stages"),
    // arg-resolved (9)
    ("PowerShell__PowerShell-Docker__release__7-2__alpine317__docker.Dockerfile", 15, "DL3020", "arg-resolved"),
    ("PowerShell__PowerShell-Docker__release__7-2__mariner2__docker.Dockerfile", 13, "DL3020", "arg-resolved"),
    ("PowerShell__PowerShell-Docker__release__7-4__alpine317__docker.Dockerfile", 15, "DL3020", "arg-resolved"),
    ("PowerShell__PowerShell-Docker__release__7-4__azurelinux3__docker.Dockerfile", 22, "DL3020", "arg-resolved"),
    ("docker__buildx__hack__dockerfiles__lint.Dockerfile", 28, "DL3006", "arg-resolved"),
    ("moby__buildkit__hack__dockerfiles__archutil.Dockerfile", 74, "DL3006", "arg-resolved"),
    ("moby__buildkit__hack__dockerfiles__archutil.Dockerfile", 87, "DL3067", "arg-resolved"),
    ("moby__buildkit__hack__dockerfiles__lint.Dockerfile", 29, "DL3006", "arg-resolved"),
    ("moby__buildkit__hack__dockerfiles__lint.Dockerfile", 62, "DL3006", "arg-resolved"),
    // only-the-effective-user (62)
    ("PowerShell__PowerShell-Docker__release__7-2__nanoserver1809__docker.Dockerfile", 63, "DL3066", "only-the-effective-user"),
    ("PowerShell__PowerShell-Docker__release__7-3__nanoserver1809__docker.Dockerfile", 60, "DL3066", "only-the-effective-user"),
    ("PowerShell__PowerShell-Docker__release__unstable__7-4__nanoserver1809__docker.Dockerfile", 60, "DL3066", "only-the-effective-user"),
    ("StefanScherer__dockerfiles-windows__node__12__nano.Dockerfile", 70, "DL3066", "only-the-effective-user"),
    ("devcontainers__images__src__anaconda__devcontainer.Dockerfile", 25, "DL3066", "only-the-effective-user"),
    ("devcontainers__images__src__cpp__devcontainer.Dockerfile", 3, "DL3066", "only-the-effective-user"),
    ("devcontainers__images__src__java__devcontainer.Dockerfile", 6, "DL3066", "only-the-effective-user"),
    ("devcontainers__images__src__jekyll__devcontainer.Dockerfile", 4, "DL3066", "only-the-effective-user"),
    ("devcontainers__images__src__miniconda__devcontainer.Dockerfile", 24, "DL3066", "only-the-effective-user"),
    ("docker-library__golang__1.26__windows__nanoserver-ltsc2022.Dockerfile", 19, "DL3066", "only-the-effective-user"),
    ("docker-library__golang__1.26__windows__nanoserver-ltsc2025.Dockerfile", 19, "DL3066", "only-the-effective-user"),
    ("docker-library__golang__1.27__windows__nanoserver-ltsc2022.Dockerfile", 19, "DL3066", "only-the-effective-user"),
    ("docker-library__golang__1.27__windows__nanoserver-ltsc2025.Dockerfile", 19, "DL3066", "only-the-effective-user"),
    ("docker-library__openjdk__27__windows__nanoserver-ltsc2022.Dockerfile", 13, "DL3066", "only-the-effective-user"),
    ("docker-library__openjdk__27__windows__nanoserver-ltsc2025.Dockerfile", 13, "DL3066", "only-the-effective-user"),
    ("docker-library__openjdk__28__windows__nanoserver-ltsc2022.Dockerfile", 13, "DL3066", "only-the-effective-user"),
    ("docker-library__openjdk__28__windows__nanoserver-ltsc2025.Dockerfile", 13, "DL3066", "only-the-effective-user"),
    ("jupyter__docker-stacks__docs__using__recipe_code__custom_environment.Dockerfile", 49, "DL3066", "only-the-effective-user"),
    ("jupyter__docker-stacks__docs__using__recipe_code__ijavascript.Dockerfile", 4, "DL3066", "only-the-effective-user"),
    ("jupyter__docker-stacks__docs__using__recipe_code__ijavascript.Dockerfile", 12, "DL3066", "only-the-effective-user"),
    ("jupyter__docker-stacks__docs__using__recipe_code__manpage_install.Dockerfile", 8, "DL3066", "only-the-effective-user"),
    ("jupyter__docker-stacks__docs__using__recipe_code__manpage_install.Dockerfile", 17, "DL3066", "only-the-effective-user"),
    ("jupyter__docker-stacks__docs__using__recipe_code__microsoft_odbc.Dockerfile", 8, "DL3066", "only-the-effective-user"),
    ("jupyter__docker-stacks__docs__using__recipe_code__microsoft_odbc.Dockerfile", 26, "DL3066", "only-the-effective-user"),
    ("jupyter__docker-stacks__docs__using__recipe_code__oracledb.Dockerfile", 4, "DL3066", "only-the-effective-user"),
    ("jupyter__docker-stacks__docs__using__recipe_code__oracledb.Dockerfile", 55, "DL3066", "only-the-effective-user"),
    ("jupyter__docker-stacks__examples__docker-compose__notebook.Dockerfile", 7, "DL3066", "only-the-effective-user"),
    ("jupyter__docker-stacks__examples__docker-compose__notebook.Dockerfile", 12, "DL3066", "only-the-effective-user"),
    ("jupyter__docker-stacks__images__all-spark-notebook.Dockerfile", 14, "DL3066", "only-the-effective-user"),
    ("jupyter__docker-stacks__images__all-spark-notebook.Dockerfile", 30, "DL3066", "only-the-effective-user"),
    ("jupyter__docker-stacks__images__base-notebook.Dockerfile", 14, "DL3066", "only-the-effective-user"),
    ("jupyter__docker-stacks__images__base-notebook.Dockerfile", 34, "DL3066", "only-the-effective-user"),
    ("jupyter__docker-stacks__images__base-notebook.Dockerfile", 70, "DL3066", "only-the-effective-user"),
    ("jupyter__docker-stacks__images__base-notebook.Dockerfile", 82, "DL3066", "only-the-effective-user"),
    ("jupyter__docker-stacks__images__docker-stacks-foundation.Dockerfile", 28, "DL3066", "only-the-effective-user"),
    ("jupyter__docker-stacks__images__docker-stacks-foundation.Dockerfile", 151, "DL3066", "only-the-effective-user"),
    ("jupyter__docker-stacks__images__julia-notebook.Dockerfile", 14, "DL3066", "only-the-effective-user"),
    ("jupyter__docker-stacks__images__julia-notebook.Dockerfile", 27, "DL3066", "only-the-effective-user"),
    ("jupyter__docker-stacks__images__minimal-notebook.Dockerfile", 14, "DL3066", "only-the-effective-user"),
    ("jupyter__docker-stacks__images__minimal-notebook.Dockerfile", 47, "DL3066", "only-the-effective-user"),
    ("jupyter__docker-stacks__images__pyspark-notebook.Dockerfile", 14, "DL3066", "only-the-effective-user"),
    ("jupyter__docker-stacks__images__pyspark-notebook.Dockerfile", 70, "DL3066", "only-the-effective-user"),
    ("jupyter__docker-stacks__images__r-notebook.Dockerfile", 14, "DL3066", "only-the-effective-user"),
    ("jupyter__docker-stacks__images__r-notebook.Dockerfile", 29, "DL3066", "only-the-effective-user"),
    ("louislam__uptime-kuma__docker.Dockerfile", 14, "DL3066", "only-the-effective-user"),
    ("louislam__uptime-kuma__docker.Dockerfile", 48, "DL3066", "only-the-effective-user"),
    ("louislam__uptime-kuma__docker.Dockerfile", 57, "DL3066", "only-the-effective-user"),
    ("louislam__uptime-kuma__docker.Dockerfile", 78, "DL3066", "only-the-effective-user"),
    ("louislam__uptime-kuma__extra__uptime-kuma-push.Dockerfile", 3, "DL3066", "only-the-effective-user"),
    ("microsoft__dotnet-framework-docker__eng__docker-tools__syft.Dockerfile", 11, "DL3066", "only-the-effective-user"),
    ("regclient__regclient__build__regbot.Dockerfile", 27, "DL3066", "only-the-effective-user"),
    ("regclient__regclient__build__regbot.Dockerfile", 83, "DL3066", "only-the-effective-user"),
    ("regclient__regclient__build__regbot.buildkit.Dockerfile", 37, "DL3066", "only-the-effective-user"),
    ("regclient__regclient__build__regbot.buildkit.Dockerfile", 101, "DL3066", "only-the-effective-user"),
    ("regclient__regclient__build__regctl.Dockerfile", 25, "DL3066", "only-the-effective-user"),
    ("regclient__regclient__build__regctl.Dockerfile", 62, "DL3066", "only-the-effective-user"),
    ("regclient__regclient__build__regctl.buildkit.Dockerfile", 35, "DL3066", "only-the-effective-user"),
    ("regclient__regclient__build__regctl.buildkit.Dockerfile", 80, "DL3066", "only-the-effective-user"),
    ("regclient__regclient__build__regsync.Dockerfile", 25, "DL3066", "only-the-effective-user"),
    ("regclient__regclient__build__regsync.Dockerfile", 62, "DL3066", "only-the-effective-user"),
    ("regclient__regclient__build__regsync.buildkit.Dockerfile", 35, "DL3066", "only-the-effective-user"),
    ("regclient__regclient__build__regsync.buildkit.Dockerfile", 80, "DL3066", "only-the-effective-user"),
    // windows-shell-form (4)
    ("StefanScherer__dockerfiles-windows__dockertls.Dockerfile", 20, "DL3025", "windows-shell-form"),
    ("StefanScherer__dockerfiles-windows__openssh.Dockerfile", 18, "DL3025", "windows-shell-form"),
    ("StefanScherer__dockerfiles-windows__openssl.Dockerfile", 14, "DL3025", "windows-shell-form"),
    ("docker-library__redis__hist2017__3.2__windows__windowsservercore.Dockerfile", 25, "DL3025", "windows-shell-form"),
    // non-posix-shell (5)
    ("StefanScherer__dockerfiles-windows__node-example.Dockerfile", 3, "DL3016", "non-posix-shell"),
    ("StefanScherer__dockerfiles-windows__nodejs-node-8897__libuv__from.scratch.Dockerfile", 10, "DL3016", "non-posix-shell"),
    ("StefanScherer__dockerfiles-windows__python.Dockerfile", 24, "DL3013", "non-posix-shell"),
    ("docker-library__redis__hist2017__3.2__windows__windowsservercore.Dockerfile", 7, "DL3047", "non-posix-shell"),
    ("moby__moby__contrib__busybox.Dockerfile", 29, "DL4006", "non-posix-shell"),
    // busybox-wget (57)
    ("caddyserver__caddy-docker__2.11__alpine.Dockerfile", 9, "DL3047", "busybox-wget"),
    ("caddyserver__caddy-docker__2.11__alpine.Dockerfile", 23, "DL3047", "busybox-wget"),
    ("docker-library__docker__29__cli.Dockerfile", 28, "DL3047", "busybox-wget"),
    ("docker-library__docker__29__cli.Dockerfile", 61, "DL3047", "busybox-wget"),
    ("docker-library__docker__29__cli.Dockerfile", 107, "DL3047", "busybox-wget"),
    ("docker-library__golang__1.26__alpine3.23.Dockerfile", 13, "DL3047", "busybox-wget"),
    ("docker-library__golang__1.26__alpine3.24.Dockerfile", 13, "DL3047", "busybox-wget"),
    ("docker-library__golang__1.27__alpine3.23.Dockerfile", 13, "DL3047", "busybox-wget"),
    ("docker-library__golang__1.27__alpine3.24.Dockerfile", 13, "DL3047", "busybox-wget"),
    ("docker-library__httpd__2.4__alpine.Dockerfile", 36, "DL3047", "busybox-wget"),
    ("docker-library__postgres__14__alpine3.22.Dockerfile", 21, "DL3047", "busybox-wget"),
    ("docker-library__postgres__14__alpine3.22.Dockerfile", 63, "DL3047", "busybox-wget"),
    ("docker-library__postgres__14__alpine3.23.Dockerfile", 21, "DL3047", "busybox-wget"),
    ("docker-library__postgres__14__alpine3.23.Dockerfile", 63, "DL3047", "busybox-wget"),
    ("docker-library__postgres__15__alpine3.22.Dockerfile", 21, "DL3047", "busybox-wget"),
    ("docker-library__postgres__15__alpine3.22.Dockerfile", 63, "DL3047", "busybox-wget"),
    ("docker-library__postgres__15__alpine3.23.Dockerfile", 21, "DL3047", "busybox-wget"),
    ("docker-library__postgres__15__alpine3.23.Dockerfile", 63, "DL3047", "busybox-wget"),
    ("docker-library__postgres__16__alpine3.22.Dockerfile", 21, "DL3047", "busybox-wget"),
    ("docker-library__postgres__16__alpine3.22.Dockerfile", 63, "DL3047", "busybox-wget"),
    ("docker-library__postgres__16__alpine3.23.Dockerfile", 21, "DL3047", "busybox-wget"),
    ("docker-library__postgres__16__alpine3.23.Dockerfile", 63, "DL3047", "busybox-wget"),
    ("docker-library__postgres__17__alpine3.22.Dockerfile", 21, "DL3047", "busybox-wget"),
    ("docker-library__postgres__17__alpine3.22.Dockerfile", 62, "DL3047", "busybox-wget"),
    ("docker-library__postgres__17__alpine3.23.Dockerfile", 21, "DL3047", "busybox-wget"),
    ("docker-library__postgres__17__alpine3.23.Dockerfile", 62, "DL3047", "busybox-wget"),
    ("docker-library__postgres__18__alpine3.22.Dockerfile", 21, "DL3047", "busybox-wget"),
    ("docker-library__postgres__18__alpine3.22.Dockerfile", 62, "DL3047", "busybox-wget"),
    ("docker-library__postgres__18__alpine3.23.Dockerfile", 21, "DL3047", "busybox-wget"),
    ("docker-library__postgres__18__alpine3.23.Dockerfile", 62, "DL3047", "busybox-wget"),
    ("docker-library__python__3.10__alpine3.23.Dockerfile", 28, "DL3047", "busybox-wget"),
    ("docker-library__python__3.10__alpine3.24.Dockerfile", 28, "DL3047", "busybox-wget"),
    ("docker-library__python__3.11__alpine3.23.Dockerfile", 28, "DL3047", "busybox-wget"),
    ("docker-library__python__3.12__alpine3.24.Dockerfile", 28, "DL3047", "busybox-wget"),
    ("docker-library__python__3.13__alpine3.23.Dockerfile", 23, "DL3047", "busybox-wget"),
    ("docker-library__python__3.14__alpine3.23.Dockerfile", 22, "DL3047", "busybox-wget"),
    ("docker-library__python__3.15-rc__alpine3.23.Dockerfile", 22, "DL3047", "busybox-wget"),
    ("docker-library__python__3.15-rc__alpine3.24.Dockerfile", 22, "DL3047", "busybox-wget"),
    ("docker-library__redis__hist2017__3.2__alpine.Dockerfile", 14, "DL3047", "busybox-wget"),
    ("docker-library__ruby__3.3__alpine3.22.Dockerfile", 23, "DL3047", "busybox-wget"),
    ("docker-library__ruby__3.3__alpine3.23.Dockerfile", 23, "DL3047", "busybox-wget"),
    ("docker-library__ruby__3.4__alpine3.22.Dockerfile", 23, "DL3047", "busybox-wget"),
    ("docker-library__ruby__3.4__alpine3.23.Dockerfile", 23, "DL3047", "busybox-wget"),
    ("docker-library__ruby__4.0__alpine3.22.Dockerfile", 23, "DL3047", "busybox-wget"),
    ("docker-library__ruby__4.0__alpine3.23.Dockerfile", 23, "DL3047", "busybox-wget"),
    ("jessfraz__dockerfiles__radarr.Dockerfile", 18, "DL3047", "busybox-wget"),
    ("nginxinc__docker-nginx__mainline__alpine-slim.Dockerfile", 14, "DL3047", "busybox-wget"),
    ("nginxinc__docker-nginx__stable__alpine-slim.Dockerfile", 14, "DL3047", "busybox-wget"),
    ("rust-lang__docker-rust__nightly__alpine3.21.Dockerfile", 15, "DL3047", "busybox-wget"),
    ("rust-lang__docker-rust__nightly__alpine3.22.Dockerfile", 15, "DL3047", "busybox-wget"),
    ("rust-lang__docker-rust__nightly__alpine3.23.Dockerfile", 15, "DL3047", "busybox-wget"),
    ("rust-lang__docker-rust__stable__alpine3.21.Dockerfile", 15, "DL3047", "busybox-wget"),
    ("rust-lang__docker-rust__stable__alpine3.22.Dockerfile", 15, "DL3047", "busybox-wget"),
    ("rust-lang__docker-rust__stable__alpine3.23.Dockerfile", 15, "DL3047", "busybox-wget"),
    ("tianon__dockerfiles__prometheus__alertmanager.Dockerfile", 17, "DL3047", "busybox-wget"),
    ("tianon__dockerfiles__speedtest.Dockerfile", 12, "DL3047", "busybox-wget"),
    ("wagoodman__dive__root.Dockerfile", 4, "DL3047", "busybox-wget"),
    // not-a-secret-name (6)
    ("devcontainers__images__src__anaconda__devcontainer.Dockerfile", 15, "DL3064", "not-a-secret-name"),
    ("devcontainers__images__src__anaconda__devcontainer.Dockerfile", 34, "DL3064", "not-a-secret-name"),
    ("devcontainers__images__src__cpp__devcontainer.Dockerfile", 18, "DL3064", "not-a-secret-name"),
    ("devcontainers__images__src__javascript-node__devcontainer.Dockerfile", 4, "DL3064", "not-a-secret-name"),
    ("devcontainers__images__src__miniconda__devcontainer.Dockerfile", 14, "DL3064", "not-a-secret-name"),
    ("devcontainers__images__src__miniconda__devcontainer.Dockerfile", 33, "DL3064", "not-a-secret-name"),
    // cd-that-workdir-cannot-replace (26)
    ("docker-library__golang__tip__alpine3.23.Dockerfile", 17, "DL3003", "cd-that-workdir-cannot-replace"),
    ("docker-library__golang__tip__alpine3.24.Dockerfile", 17, "DL3003", "cd-that-workdir-cannot-replace"),
    ("docker-library__golang__tip__bookworm.Dockerfile", 17, "DL3003", "cd-that-workdir-cannot-replace"),
    ("docker-library__golang__tip__trixie.Dockerfile", 17, "DL3003", "cd-that-workdir-cannot-replace"),
    ("docker-library__php__8.2__bookworm__fpm.Dockerfile", 234, "DL3003", "cd-that-workdir-cannot-replace"),
    ("docker-library__php__8.3__trixie__fpm.Dockerfile", 230, "DL3003", "cd-that-workdir-cannot-replace"),
    ("docker-library__php__8.4__alpine3.23__fpm.Dockerfile", 213, "DL3003", "cd-that-workdir-cannot-replace"),
    ("docker-library__php__8.4__alpine3.24__fpm.Dockerfile", 213, "DL3003", "cd-that-workdir-cannot-replace"),
    ("docker-library__php__8.4__trixie__fpm.Dockerfile", 230, "DL3003", "cd-that-workdir-cannot-replace"),
    ("docker-library__php__8.5__alpine3.23__fpm.Dockerfile", 210, "DL3003", "cd-that-workdir-cannot-replace"),
    ("docker-library__php__8.5__alpine3.24__fpm.Dockerfile", 210, "DL3003", "cd-that-workdir-cannot-replace"),
    ("docker-library__php__8.6-rc__bookworm__fpm.Dockerfile", 218, "DL3003", "cd-that-workdir-cannot-replace"),
    ("jessfraz__dockerfiles__bcc-tools.Dockerfile", 55, "DL3003", "cd-that-workdir-cannot-replace"),
    ("jessfraz__dockerfiles__browsh.Dockerfile", 33, "DL3003", "cd-that-workdir-cannot-replace"),
    ("jessfraz__dockerfiles__gitiles.Dockerfile", 17, "DL3003", "cd-that-workdir-cannot-replace"),
    ("jessfraz__dockerfiles__irssi.Dockerfile", 21, "DL3003", "cd-that-workdir-cannot-replace"),
    ("jessfraz__dockerfiles__lpass.Dockerfile", 12, "DL3003", "cd-that-workdir-cannot-replace"),
    ("jessfraz__dockerfiles__pdp-10__its.Dockerfile", 9, "DL3003", "cd-that-workdir-cannot-replace"),
    ("jessfraz__dockerfiles__tarsnap.Dockerfile", 11, "DL3003", "cd-that-workdir-cannot-replace"),
    ("moby__buildkit__hack__dockerfiles__docs-dockerfile.Dockerfile", 20, "DL3003", "cd-that-workdir-cannot-replace"),
    ("nginxinc__docker-nginx__mainline__debian-otel.Dockerfile", 10, "DL3003", "cd-that-workdir-cannot-replace"),
    ("nginxinc__docker-nginx__mainline__debian-perl.Dockerfile", 8, "DL3003", "cd-that-workdir-cannot-replace"),
    ("nginxinc__docker-nginx__mainline__debian.Dockerfile", 16, "DL3003", "cd-that-workdir-cannot-replace"),
    ("nginxinc__docker-nginx__stable__debian-otel.Dockerfile", 10, "DL3003", "cd-that-workdir-cannot-replace"),
    ("nginxinc__docker-nginx__stable__debian-perl.Dockerfile", 8, "DL3003", "cd-that-workdir-cannot-replace"),
    ("nginxinc__docker-nginx__stable__debian.Dockerfile", 16, "DL3003", "cd-that-workdir-cannot-replace"),
    // microdnf-assumes-yes (4)
    ("docker-library__openjdk__27__oraclelinux10.Dockerfile", 9, "DL3038", "microdnf-assumes-yes"),
    ("docker-library__openjdk__27__oraclelinux9.Dockerfile", 9, "DL3038", "microdnf-assumes-yes"),
    ("docker-library__openjdk__28__oraclelinux10.Dockerfile", 9, "DL3038", "microdnf-assumes-yes"),
    ("docker-library__openjdk__28__oraclelinux9.Dockerfile", 9, "DL3038", "microdnf-assumes-yes"),
    // variable-operands (4)
    ("docker-library__redis__hist2017__3.2.Dockerfile", 28, "DL3008", "variable-operands"),
    ("jessfraz__dockerfiles__pdp-10__its.Dockerfile", 9, "DL3008", "variable-operands"),
    ("jupyter__docker-stacks__images__tensorflow-notebook.Dockerfile", 25, "DL3013", "variable-operands"),
    ("moby__moby__daemon__libnetwork__cmd__ssd.Dockerfile", 22, "DL3018", "variable-operands"),
    // healthcheck-shell-form (3)
    ("docker-mailserver__docker-mailserver__root.Dockerfile", 295, "DL3025", "healthcheck-shell-form"),
    ("louislam__uptime-kuma__docker.Dockerfile", 40, "DL3025", "healthcheck-shell-form"),
    ("louislam__uptime-kuma__docker.Dockerfile", 89, "DL3025", "healthcheck-shell-form"),
    // copy-from-image (5)
    ("docker__awesome-compose__nginx-flask-mongo__flask.Dockerfile", 26, "DL3022", "copy-from-image"),
    ("docker__awesome-compose__nginx-flask-mysql__backend.Dockerfile", 33, "DL3022", "copy-from-image"),
    ("docker__awesome-compose__nginx-golang-mysql__backend.Dockerfile", 35, "DL3022", "copy-from-image"),
    ("docker__awesome-compose__nginx-golang-postgres__backend.Dockerfile", 35, "DL3022", "copy-from-image"),
    ("docker__awesome-compose__nginx-golang__backend.Dockerfile", 35, "DL3022", "copy-from-image"),
    // pip-bootstrap-upgrade (2)
    ("docker__awesome-compose__nginx-wsgi-flask__flask.Dockerfile", 4, "DL3013", "pip-bootstrap-upgrade"),
    ("moby__moby__daemon__libnetwork__cmd__ssd.Dockerfile", 22, "DL3013", "pip-bootstrap-upgrade"),
    // scratch-starts-at-root (14)
    ("docker__buildx__hack__dockerfiles__lint.Dockerfile", 27, "DL3045", "scratch-starts-at-root"),
    ("docker__compose__pkg__e2e__fixtures__build-test__minimal.Dockerfile", 16, "DL3045", "scratch-starts-at-root"),
    ("moby__buildkit__hack__dockerfiles__archutil.Dockerfile", 73, "DL3045", "scratch-starts-at-root"),
    ("moby__buildkit__hack__dockerfiles__archutil.Dockerfile", 77, "DL3045", "scratch-starts-at-root"),
    ("moby__buildkit__hack__dockerfiles__archutil.Dockerfile", 78, "DL3045", "scratch-starts-at-root"),
    ("moby__buildkit__hack__dockerfiles__archutil.Dockerfile", 79, "DL3045", "scratch-starts-at-root"),
    ("moby__buildkit__hack__dockerfiles__archutil.Dockerfile", 80, "DL3045", "scratch-starts-at-root"),
    ("moby__buildkit__hack__dockerfiles__archutil.Dockerfile", 81, "DL3045", "scratch-starts-at-root"),
    ("moby__buildkit__hack__dockerfiles__archutil.Dockerfile", 82, "DL3045", "scratch-starts-at-root"),
    ("moby__buildkit__hack__dockerfiles__archutil.Dockerfile", 83, "DL3045", "scratch-starts-at-root"),
    ("moby__buildkit__hack__dockerfiles__archutil.Dockerfile", 84, "DL3045", "scratch-starts-at-root"),
    ("moby__buildkit__hack__dockerfiles__archutil.Dockerfile", 85, "DL3045", "scratch-starts-at-root"),
    ("moby__buildkit__hack__dockerfiles__archutil.Dockerfile", 86, "DL3045", "scratch-starts-at-root"),
    ("moby__buildkit__hack__dockerfiles__lint.Dockerfile", 28, "DL3045", "scratch-starts-at-root"),
    // relative-workdir-with-known-base (5)
    ("docker__buildx__hack__dockerfiles__lint.Dockerfile", 56, "DL3000", "relative-workdir-with-known-base"),
    ("moby__buildkit__hack__dockerfiles__lint.Dockerfile", 80, "DL3000", "relative-workdir-with-known-base"),
    ("tianon__dockerfiles__adsb__acarsdec.Dockerfile", 41, "DL3000", "relative-workdir-with-known-base"),
    ("tianon__dockerfiles__adsb__acarsdec.Dockerfile", 45, "DL3000", "relative-workdir-with-known-base"),
    ("tianon__dockerfiles__adsb__acarsdec.Dockerfile", 70, "DL3000", "relative-workdir-with-known-base"),
    // pipefail-in-script (1)
    ("docker__cli__dockerfiles__shellcheck.Dockerfile", 5, "DL4006", "pipefail-in-script"),
    // kill-own-process (1)
    ("jessfraz__dockerfiles__browsh.Dockerfile", 51, "DL3001", "kill-own-process"),
    // apt-dist-clean (30)
    ("docker-library__php__8.2__trixie__cli.Dockerfile", 32, "DL3009", "apt-dist-clean"),
    ("docker-library__php__8.3__trixie__fpm.Dockerfile", 32, "DL3009", "apt-dist-clean"),
    ("docker-library__php__8.4__trixie__fpm.Dockerfile", 32, "DL3009", "apt-dist-clean"),
    ("docker-library__php__8.5__trixie__apache.Dockerfile", 32, "DL3009", "apt-dist-clean"),
    ("docker-library__php__8.5__trixie__apache.Dockerfile", 54, "DL3009", "apt-dist-clean"),
    ("docker-library__php__8.5__trixie__zts.Dockerfile", 32, "DL3009", "apt-dist-clean"),
    ("docker-library__php__8.6-rc__trixie__cli.Dockerfile", 32, "DL3009", "apt-dist-clean"),
    ("docker-library__php__8.6-rc__trixie__cli.Dockerfile", 98, "DL3009", "apt-dist-clean"),
    ("docker-library__python__3.10__trixie.Dockerfile", 18, "DL3009", "apt-dist-clean"),
    ("docker-library__python__3.11__slim-trixie.Dockerfile", 18, "DL3009", "apt-dist-clean"),
    ("docker-library__python__3.11__trixie.Dockerfile", 18, "DL3009", "apt-dist-clean"),
    ("docker-library__python__3.12__slim-trixie.Dockerfile", 18, "DL3009", "apt-dist-clean"),
    ("docker-library__python__3.13__slim-trixie.Dockerfile", 13, "DL3009", "apt-dist-clean"),
    ("docker-library__python__3.13__trixie.Dockerfile", 13, "DL3009", "apt-dist-clean"),
    ("docker-library__python__3.14__trixie.Dockerfile", 13, "DL3009", "apt-dist-clean"),
    ("docker-library__python__3.15-rc__trixie.Dockerfile", 13, "DL3009", "apt-dist-clean"),
    ("docker-library__ruby__3.3__slim-trixie.Dockerfile", 9, "DL3009", "apt-dist-clean"),
    ("docker-library__ruby__3.4__slim-trixie.Dockerfile", 9, "DL3009", "apt-dist-clean"),
    ("docker-library__ruby__4.0__slim-trixie.Dockerfile", 9, "DL3009", "apt-dist-clean"),
    ("tianon__dockerfiles__adsb__acarsdec.Dockerfile", 98, "DL3009", "apt-dist-clean"),
    ("tianon__dockerfiles__adsb__readsb.Dockerfile", 68, "DL3009", "apt-dist-clean"),
    ("tianon__dockerfiles__containerd.Dockerfile", 10, "DL3009", "apt-dist-clean"),
    ("tianon__dockerfiles__containerd__rc.Dockerfile", 10, "DL3009", "apt-dist-clean"),
    ("tianon__dockerfiles__firefox.Dockerfile", 9, "DL3009", "apt-dist-clean"),
    ("tianon__dockerfiles__microsoft-edge__dev.Dockerfile", 9, "DL3009", "apt-dist-clean"),
    ("tianon__dockerfiles__microsoft-edge__dev.Dockerfile", 55, "DL3009", "apt-dist-clean"),
    ("tianon__dockerfiles__rtl-433.Dockerfile", 9, "DL3009", "apt-dist-clean"),
    ("tianon__dockerfiles__true__all.Dockerfile", 2, "DL3009", "apt-dist-clean"),
    ("tianon__dockerfiles__weechat.Dockerfile", 9, "DL3009", "apt-dist-clean"),
    ("tianon__dockerfiles__weechat.Dockerfile", 51, "DL3009", "apt-dist-clean"),
    // apk-no-network (11)
    ("docker-library__httpd__2.4__alpine.Dockerfile", 36, "DL3019", "apk-no-network"),
    ("docker-library__redis__6.2__alpine.Dockerfile", 56, "DL3019", "apk-no-network"),
    ("docker-library__redis__7.0__alpine.Dockerfile", 56, "DL3019", "apk-no-network"),
    ("docker-library__redis__7.2__alpine.Dockerfile", 56, "DL3019", "apk-no-network"),
    ("docker-library__redis__7.4-rc__alpine.Dockerfile", 56, "DL3019", "apk-no-network"),
    ("docker-library__ruby__3.3__alpine3.22.Dockerfile", 23, "DL3019", "apk-no-network"),
    ("docker-library__ruby__3.3__alpine3.23.Dockerfile", 23, "DL3019", "apk-no-network"),
    ("docker-library__ruby__3.4__alpine3.22.Dockerfile", 23, "DL3019", "apk-no-network"),
    ("docker-library__ruby__3.4__alpine3.23.Dockerfile", 23, "DL3019", "apk-no-network"),
    ("docker-library__ruby__4.0__alpine3.22.Dockerfile", 23, "DL3019", "apk-no-network"),
    ("docker-library__ruby__4.0__alpine3.23.Dockerfile", 23, "DL3019", "apk-no-network"),
];

struct Finding {
    line: u32,
    code: String,
    message: String,
}

/// One Stowage finding reduced to what the comparison needs.
struct Ours {
    rule: &'static str,
    first: u32,
    last: u32,
    message: String,
}

#[derive(Default)]
struct Row {
    hadolint: usize,
    reproduced: usize,
    exceptions: usize,
    additional: usize,
}

fn lines_of(index: &LineIndex, start: u32, end: u32) -> (u32, u32) {
    let first = index.line_of(start);
    let mut last = index.line_of(end.max(start));
    // A range that ends right after a line break ends on the previous line.
    if end > start && last > first && index.line_start(last) == end {
        last -= 1;
    }
    (first + 1, last + 1)
}

fn stowage_findings(linter: &Linter, bytes: &[u8]) -> Vec<Ours> {
    let (src, result) = linter.lint_bytes(bytes, &Inputs::default());
    let df = syntax::parse(&src);
    let index = LineIndex::new(&src);
    let spans: Vec<(u32, u32, u32, u32)> = df
        .instructions()
        .map(|i| (i.range.start, i.range.end, i.start_line + 1, i.end_line + 1))
        .collect();
    result
        .diagnostics
        .iter()
        .map(|d| {
            let (mut first, mut last) = lines_of(&index, d.range.start, d.range.end);
            if let Some(&(_, _, s, e)) = spans
                .iter()
                .find(|(s, e, _, _)| *s <= d.range.start && d.range.start <= *e)
            {
                first = first.min(s);
                last = last.max(e);
            }
            Ours {
                rule: d.code,
                first,
                last,
                message: d.message.clone(),
            }
        })
        .collect()
}

fn pct(n: usize, d: usize) -> f64 {
    if d == 0 {
        1.0
    } else {
        #[expect(clippy::cast_precision_loss, reason = "corpus counts are small")]
        let r = n as f64 / d as f64;
        r
    }
}

#[test]
#[expect(clippy::too_many_lines, reason = "one report, read top to bottom")]
fn hadolint_agreement() {
    let Some(corpus) = corpus_dir() else {
        eprintln!("corpus not found; skipping");
        return;
    };
    let verbose = std::env::var_os("HADOLINT_AGREEMENT_VERBOSE").is_some();

    // DL code -> Stowage rule codes that alias it, and rule code -> its DL aliases.
    let mut by_dl: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    let mut dl_of: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for rule in registry() {
        let m = rule.meta();
        for a in m.aliases.iter().filter(|a| a.starts_with("DL")) {
            by_dl.entry(a).or_default().insert(m.code);
            dl_of.entry(m.code).or_default().insert(a);
        }
    }

    let docs = std::fs::read_to_string(
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../docs/hadolint-differences.md"),
    )
    .unwrap_or_default();
    for (file, line, code, reason) in EXCEPTIONS {
        assert!(
            docs.contains(&format!("<a id=\"{reason}\"></a>")),
            "exception {file}:{line} {code}: reason `{reason}` has no section in docs/hadolint-differences.md"
        );
        assert!(
            by_dl.contains_key(code),
            "exception {file}:{line}: {code} is not aliased"
        );
    }

    let config = Config {
        select: Some(vec!["all".to_owned()]),
        ..Config::default()
    };
    let linter = Linter::new(config).expect("valid config");

    let oracle = read_jsonl(&corpus.join("oracle/hadolint.jsonl"));
    assert_eq!(oracle.len(), 584, "oracle lines");

    let mut rows: BTreeMap<&str, Row> = by_dl.keys().map(|k| (*k, Row::default())).collect();
    let mut out_of_scope: BTreeMap<String, usize> = BTreeMap::new();
    let mut misses = Vec::new();
    let mut additional = Vec::new();
    let mut used_exceptions = BTreeSet::new();
    let mut unparsable: Vec<(String, BTreeMap<&str, usize>)> = Vec::new();

    for entry in &oracle {
        let path = entry["file"].as_str().expect("file");
        let name = path.rsplit('/').next().unwrap_or(path);
        let bytes = std::fs::read(corpus.join(path)).expect("corpus file");
        let theirs: Vec<Finding> = entry["findings"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|f| Finding {
                        line: f["line"]
                            .as_u64()
                            .and_then(|v| u32::try_from(v).ok())
                            .unwrap_or(0),
                        code: f["code"].as_str().unwrap_or("").to_owned(),
                        message: f["message"].as_str().unwrap_or("").to_owned(),
                    })
                    .collect()
            })
            .unwrap_or_default();
        let ours = stowage_findings(&linter, &bytes);

        if theirs.iter().any(|f| f.code == "DL1000") {
            let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
            for o in &ours {
                *counts.entry(o.rule).or_default() += 1;
            }
            unparsable.push((name.to_owned(), counts));
            *out_of_scope.entry("DL1000".to_owned()).or_default() += 1;
            continue;
        }

        for f in &theirs {
            let Some(rules) = by_dl.get(f.code.as_str()) else {
                *out_of_scope.entry(f.code.clone()).or_default() += 1;
                continue;
            };
            let row = rows.get_mut(f.code.as_str()).expect("row");
            row.hadolint += 1;
            let hit = ours
                .iter()
                .any(|o| rules.contains(o.rule) && o.first <= f.line && f.line <= o.last);
            if hit {
                row.reproduced += 1;
            } else if let Some(i) = EXCEPTIONS.iter().position(|(file, line, code, _)| {
                *file == name && *line == f.line && *code == f.code
            }) {
                row.exceptions += 1;
                used_exceptions.insert(i);
            } else {
                misses.push(format!("{name}:{} {} {}", f.line, f.code, f.message));
            }
        }

        for o in &ours {
            let Some(codes) = dl_of.get(o.rule) else {
                continue;
            };
            let matched = theirs
                .iter()
                .any(|f| codes.contains(f.code.as_str()) && o.first <= f.line && f.line <= o.last);
            if !matched {
                for code in codes {
                    if let Some(row) = rows.get_mut(code) {
                        row.additional += 1;
                    }
                }
                additional.push(format!(
                    "{name}:{}-{} {} ({}) {}",
                    o.first,
                    o.last,
                    o.rule,
                    codes.iter().copied().collect::<Vec<_>>().join(","),
                    o.message
                ));
            }
        }
    }

    // The table.
    let mut table = String::new();
    let _ = writeln!(
        table,
        "| DL code | Stowage rule | hadolint | reproduced | exceptions | recall | additional |"
    );
    let _ = writeln!(table, "|---|---|---:|---:|---:|---:|---:|");
    let mut failures = Vec::new();
    let (mut th, mut tr, mut te, mut ta) = (0, 0, 0, 0);
    for (code, row) in &rows {
        let recall = pct(row.reproduced, row.hadolint - row.exceptions);
        let rules = by_dl[code].iter().copied().collect::<Vec<_>>().join(", ");
        let _ = writeln!(
            table,
            "| {code} | {rules} | {} | {} | {} | {} | {} |",
            row.hadolint,
            row.reproduced,
            row.exceptions,
            if row.hadolint == 0 {
                "–".to_owned()
            } else {
                format!("{:.1}%", recall * 100.0)
            },
            row.additional
        );
        th += row.hadolint;
        tr += row.reproduced;
        te += row.exceptions;
        ta += row.additional;
        if recall < MIN_RECALL {
            failures.push(format!(
                "{code}: recall {:.1}% < {:.0}%",
                recall * 100.0,
                MIN_RECALL * 100.0
            ));
        }
    }
    let _ = writeln!(
        table,
        "| **all** | | {th} | {tr} | {te} | {:.1}% | {ta} |",
        pct(tr, th - te) * 100.0
    );
    eprintln!("\n{table}");

    let scope: Vec<String> = out_of_scope
        .iter()
        .map(|(c, n)| format!("{c} {n}"))
        .collect();
    eprintln!("out of scope (not aliased): {}", scope.join(", "));

    eprintln!(
        "\nfiles hadolint cannot parse (DL1000): {}",
        unparsable.len()
    );
    for (name, counts) in &unparsable {
        let c: Vec<String> = counts.iter().map(|(r, n)| format!("{r}×{n}")).collect();
        eprintln!(
            "  {name}: {}",
            if c.is_empty() {
                "nothing".to_owned()
            } else {
                c.join(" ")
            }
        );
    }

    eprintln!("\nmisses ({}):", misses.len());
    for m in &misses {
        eprintln!("  {m}");
    }
    eprintln!(
        "\nadditional ({}){}",
        additional.len(),
        if verbose {
            ":"
        } else {
            " (HADOLINT_AGREEMENT_VERBOSE=1 lists them)"
        }
    );
    if verbose {
        for a in &additional {
            eprintln!("  {a}");
        }
    }

    let stale: Vec<String> = EXCEPTIONS
        .iter()
        .enumerate()
        .filter(|(i, _)| !used_exceptions.contains(i))
        .map(|(_, (f, l, c, _))| format!("{f}:{l} {c}"))
        .collect();
    assert!(
        stale.is_empty(),
        "exceptions that no longer apply (Stowage reproduces them now, or the line moved): {stale:#?}"
    );
    assert!(
        failures.is_empty(),
        "recall below target:\n{}",
        failures.join("\n")
    );
}
