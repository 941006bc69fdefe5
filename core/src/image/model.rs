//! The typed view of an image document, built from a [`JsonNode`] while collecting structural
//! errors (wrong types, missing required fields, bad digests and media types). Unknown fields
//! are ignored; building never stops at the first error.

use serde::Serialize;

use super::json::{JsonNode, JsonValue, escape_pointer_token};
use crate::diagnostic::Severity;
use crate::text::TextRange;

/// Well-known media types.
pub mod media_types {
    pub const OCI_DESCRIPTOR: &str = "application/vnd.oci.descriptor.v1+json";
    pub const OCI_LAYOUT: &str = "application/vnd.oci.layout.header.v1+json";
    pub const OCI_INDEX: &str = "application/vnd.oci.image.index.v1+json";
    pub const OCI_MANIFEST: &str = "application/vnd.oci.image.manifest.v1+json";
    pub const OCI_CONFIG: &str = "application/vnd.oci.image.config.v1+json";
    pub const OCI_EMPTY: &str = "application/vnd.oci.empty.v1+json";
    /// The withdrawn artifact-manifest draft (OCI 1.1 release candidates).
    pub const OCI_ARTIFACT_MANIFEST: &str = "application/vnd.oci.artifact.manifest.v1+json";
    pub const OCI_LAYER_TAR: &str = "application/vnd.oci.image.layer.v1.tar";
    pub const OCI_LAYER_GZIP: &str = "application/vnd.oci.image.layer.v1.tar+gzip";
    pub const OCI_LAYER_ZSTD: &str = "application/vnd.oci.image.layer.v1.tar+zstd";
    pub const OCI_LAYER_ND_TAR: &str = "application/vnd.oci.image.layer.nondistributable.v1.tar";
    pub const OCI_LAYER_ND_GZIP: &str =
        "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip";
    pub const OCI_LAYER_ND_ZSTD: &str =
        "application/vnd.oci.image.layer.nondistributable.v1.tar+zstd";
    pub const DOCKER_SCHEMA1: &str = "application/vnd.docker.distribution.manifest.v1+json";
    pub const DOCKER_SCHEMA1_SIGNED: &str =
        "application/vnd.docker.distribution.manifest.v1+prettyjws";
    pub const DOCKER_MANIFEST: &str = "application/vnd.docker.distribution.manifest.v2+json";
    pub const DOCKER_LIST: &str = "application/vnd.docker.distribution.manifest.list.v2+json";
    pub const DOCKER_CONFIG: &str = "application/vnd.docker.container.image.v1+json";
    pub const DOCKER_LAYER: &str = "application/vnd.docker.image.rootfs.diff.tar.gzip";
    pub const DOCKER_LAYER_ZSTD: &str = "application/vnd.docker.image.rootfs.diff.tar.zstd";
    pub const DOCKER_LAYER_TAR: &str = "application/vnd.docker.image.rootfs.diff.tar";
    pub const DOCKER_FOREIGN_LAYER: &str =
        "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip";
    pub const DOCKER_FOREIGN_LAYER_TAR: &str =
        "application/vnd.docker.image.rootfs.foreign.diff.tar";
    pub const DOCKER_PLUGIN_CONFIG: &str = "application/vnd.docker.plugin.v1+json";
    pub const IN_TOTO: &str = "application/vnd.in-toto+json";

    /// Layer media types of OCI image manifests.
    pub const OCI_LAYERS: &[&str] = &[
        OCI_LAYER_TAR,
        OCI_LAYER_GZIP,
        OCI_LAYER_ZSTD,
        OCI_LAYER_ND_TAR,
        OCI_LAYER_ND_GZIP,
        OCI_LAYER_ND_ZSTD,
    ];
    /// Layer media types of Docker v2 schema 2 manifests.
    pub const DOCKER_LAYERS: &[&str] = &[
        DOCKER_LAYER,
        DOCKER_LAYER_ZSTD,
        DOCKER_LAYER_TAR,
        DOCKER_FOREIGN_LAYER,
        DOCKER_FOREIGN_LAYER_TAR,
    ];

    /// Whether a layer may not be pushed to registries (OCI non-distributable, Docker foreign).
    #[must_use]
    pub fn is_non_distributable(media_type: &str) -> bool {
        media_type.contains(".nondistributable.") || media_type.contains(".foreign.")
    }

    /// Whether the config media type marks a runnable image (not an artifact).
    #[must_use]
    pub fn is_image_config(media_type: &str) -> bool {
        media_type == OCI_CONFIG || media_type == DOCKER_CONFIG
    }
}

use media_types as mt;

/// What a document is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DocumentKind {
    OciManifest,
    OciIndex,
    /// An OCI manifest with `artifactType`, `subject`, a non-image config, or the draft
    /// artifact-manifest media type (signatures, SBOMs, attestations, …).
    OciArtifactManifest,
    DockerManifestV2,
    DockerManifestList,
    DockerSchema1,
    DockerSchema1Signed,
    /// OCI or Docker image configuration (`rootfs`, `history`, `config`, …).
    ImageConfig,
    /// Legacy Docker v1 image JSON (`id`, `container_config`, …).
    LegacyImageJson,
    /// `docker image inspect` output (Engine API shape).
    DockerInspectImage,
    /// `docker container inspect` output.
    DockerInspectContainer,
    /// `manifest.json` from a `docker save` tarball.
    DockerSave,
    /// `docker manifest inspect --verbose` output (`Ref`, `Descriptor`, `Raw`, …).
    DockerManifestInspect,
    /// A bare content descriptor.
    Descriptor,
    /// An `oci-layout` file.
    OciLayout,
    Unknown,
}

impl DocumentKind {
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::OciManifest => "oci-manifest",
            Self::OciIndex => "oci-index",
            Self::OciArtifactManifest => "oci-artifact-manifest",
            Self::DockerManifestV2 => "docker-manifest-v2",
            Self::DockerManifestList => "docker-manifest-list",
            Self::DockerSchema1 => "docker-schema1",
            Self::DockerSchema1Signed => "docker-schema1-signed",
            Self::ImageConfig => "image-config",
            Self::LegacyImageJson => "legacy-image-json",
            Self::DockerInspectImage => "docker-inspect-image",
            Self::DockerInspectContainer => "docker-inspect-container",
            Self::DockerSave => "docker-save",
            Self::DockerManifestInspect => "docker-manifest-inspect",
            Self::Descriptor => "descriptor",
            Self::OciLayout => "oci-layout",
            Self::Unknown => "unknown",
        }
    }

    #[must_use]
    pub const fn is_manifest(self) -> bool {
        matches!(
            self,
            Self::OciManifest | Self::OciArtifactManifest | Self::DockerManifestV2
        )
    }

    #[must_use]
    pub const fn is_index(self) -> bool {
        matches!(self, Self::OciIndex | Self::DockerManifestList)
    }
}

/// A structural problem in the document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ImageError {
    /// The offending value, or the parent object when a field is missing.
    pub range: TextRange,
    /// JSON Pointer of the offending value, e.g. `/layers/2/digest`.
    pub pointer: String,
    pub message: String,
    pub severity: Severity,
}

/// String-to-string map entries (annotations, labels) in source order.
pub type Annotations = Vec<(String, Spanned<String>)>;

/// A value with where it came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Spanned<T> {
    pub value: T,
    pub range: TextRange,
    pub pointer: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Platform {
    pub architecture: String,
    pub os: String,
    pub variant: Option<String>,
    pub os_version: Option<String>,
    pub range: TextRange,
}

impl Platform {
    /// `os/arch[/variant]`, e.g. `linux/arm64/v8`.
    #[must_use]
    pub fn display(&self) -> String {
        match &self.variant {
            Some(v) if !v.is_empty() => format!("{}/{}/{v}", self.os, self.architecture),
            _ => format!("{}/{}", self.os, self.architecture),
        }
    }
}

/// A content descriptor (config, layer, index entry, subject).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Descriptor {
    pub range: TextRange,
    pub pointer: String,
    pub media_type: Option<Spanned<String>>,
    pub digest: Option<Spanned<String>>,
    pub size: Option<Spanned<u64>>,
    pub artifact_type: Option<Spanned<String>>,
    pub platform: Option<Platform>,
    pub annotations: Vec<(String, Spanned<String>)>,
    pub urls: Vec<String>,
}

impl Descriptor {
    #[must_use]
    pub fn media_type_str(&self) -> &str {
        self.media_type.as_ref().map_or("", |m| m.value.as_str())
    }

    #[must_use]
    pub fn annotation(&self, key: &str) -> Option<&str> {
        self.annotations
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.value.as_str())
    }
}

/// `config` of an image config (or `Config` of docker inspect).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ContainerConfig {
    pub range: TextRange,
    pub pointer: String,
    pub user: Option<Spanned<String>>,
    pub env: Vec<Spanned<String>>,
    /// Keys of `ExposedPorts` (range of the key).
    pub exposed_ports: Vec<Spanned<String>>,
    pub labels: Vec<(String, Spanned<String>)>,
    pub labels_range: Option<TextRange>,
    /// `Healthcheck.Test`, with the range of the `Healthcheck` object.
    pub healthcheck: Option<Spanned<Vec<String>>>,
    pub cmd: Option<Vec<String>>,
    pub entrypoint: Option<Vec<String>>,
    pub working_dir: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct HistoryEntry {
    pub index: usize,
    pub range: TextRange,
    pub pointer: String,
    pub created_by: Option<Spanned<String>>,
    pub empty_layer: bool,
    pub created: Option<String>,
    pub comment: Option<String>,
}

/// An image configuration (OCI `application/vnd.oci.image.config.v1+json` or Docker's).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ImageConfig {
    pub range: TextRange,
    pub pointer: String,
    pub architecture: Option<Spanned<String>>,
    pub os: Option<Spanned<String>>,
    pub variant: Option<Spanned<String>>,
    pub config: Option<ContainerConfig>,
    pub history: Vec<HistoryEntry>,
    pub diff_ids: Vec<Spanned<String>>,
}

/// One element of `docker image inspect` / `docker container inspect` output.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct InspectEntry {
    pub range: TextRange,
    pub pointer: String,
    pub id: Option<String>,
    pub repo_tags: Vec<Spanned<String>>,
    pub repo_tags_range: Option<TextRange>,
    pub repo_digests: Vec<String>,
    pub size: Option<Spanned<u64>>,
    pub config: Option<ContainerConfig>,
    pub architecture: Option<String>,
    pub os: Option<String>,
    pub rootfs_layers: Vec<String>,
}

/// One element of a `docker save` `manifest.json`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct SaveEntry {
    pub range: TextRange,
    pub pointer: String,
    pub config: Option<Spanned<String>>,
    pub repo_tags: Vec<Spanned<String>>,
    pub repo_tags_range: Option<TextRange>,
    pub layers: Vec<Spanned<String>>,
}

/// Docker image manifest schema 1 (deprecated).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Schema1 {
    pub name: Option<String>,
    pub tag: Option<String>,
    pub fs_layers: Vec<Spanned<String>>,
    pub v1_compatibility: Vec<Spanned<String>>,
    pub signed: bool,
}

/// The typed document. Fields not relevant to `kind` stay empty.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ImageDocument {
    pub kind: DocumentKind,
    pub range: TextRange,
    pub media_type: Option<Spanned<String>>,
    pub schema_version: Option<Spanned<i64>>,
    pub artifact_type: Option<Spanned<String>>,
    /// Manifest `config` descriptor.
    pub config: Option<Descriptor>,
    /// Manifest `layers` (or the draft artifact manifest's `blobs`).
    pub layers: Vec<Descriptor>,
    /// Index / manifest-list entries.
    pub manifests: Vec<Descriptor>,
    /// Range of the `layers` / `manifests` array, when present.
    pub list_range: Option<TextRange>,
    pub subject: Option<Descriptor>,
    pub annotations: Vec<(String, Spanned<String>)>,
    /// The descriptor itself (`Descriptor`) or `Descriptor` of `docker manifest inspect -v`.
    pub descriptor: Option<Descriptor>,
    pub image_config: Option<ImageConfig>,
    pub inspect: Vec<InspectEntry>,
    pub save: Vec<SaveEntry>,
    pub schema1: Option<Schema1>,
    pub layout_version: Option<String>,
}

impl ImageDocument {
    fn empty(kind: DocumentKind, range: TextRange) -> Self {
        Self {
            kind,
            range,
            media_type: None,
            schema_version: None,
            artifact_type: None,
            config: None,
            layers: Vec::new(),
            manifests: Vec::new(),
            list_range: None,
            subject: None,
            annotations: Vec::new(),
            descriptor: None,
            image_config: None,
            inspect: Vec::new(),
            save: Vec::new(),
            schema1: None,
            layout_version: None,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Value validation

/// `type/subtype` per the OCI descriptor schema (RFC 6838 restricted names, ≤127 chars each).
#[must_use]
pub fn is_valid_media_type(s: &str) -> bool {
    fn part(p: &str) -> bool {
        let b = p.as_bytes();
        matches!(b.first(), Some(c) if c.is_ascii_alphanumeric())
            && b.len() <= 127
            && b.iter()
                .all(|c| c.is_ascii_alphanumeric() || b"!#$&^_.+-".contains(c))
    }
    match s.split_once('/') {
        Some((t, st)) => part(t) && part(st),
        None => false,
    }
}

/// Checks `algorithm:encoded`; sha256/sha512 must be lowercase hex of the right length.
///
/// # Errors
/// A message describing what is wrong.
pub fn check_digest(s: &str) -> Result<(), String> {
    let Some((alg, enc)) = s.split_once(':') else {
        return Err(format!(
            "digest {s:?} is not of the form algorithm:encoded (e.g. sha256:<64 hex>)"
        ));
    };
    let alg_ok = !alg.is_empty()
        && alg.split(['+', '.', '_', '-']).all(|c| {
            !c.is_empty()
                && c.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        });
    if !alg_ok {
        return Err(format!("digest algorithm {alg:?} is invalid"));
    }
    if enc.is_empty()
        || !enc
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'=' | b'_' | b'-'))
    {
        return Err(format!("digest {s:?} has an invalid encoded part"));
    }
    let want = match alg {
        "sha256" => Some(64),
        "sha512" => Some(128),
        _ => None,
    };
    if let Some(n) = want {
        let hex = enc
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        if enc.len() != n || !hex {
            return Err(format!(
                "{alg} digest must be {n} lowercase hex characters, found {} characters{}",
                enc.len(),
                if hex {
                    ""
                } else {
                    " that are not all lowercase hex"
                }
            ));
        }
    }
    Ok(())
}

/// Standard base64 with padding (RFC 4648 §4).
#[must_use]
pub fn is_valid_base64(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() % 4 != 0 {
        return false;
    }
    let pad = b.iter().rev().take_while(|&&c| c == b'=').count();
    if pad > 2 {
        return false;
    }
    b.iter()
        .take(b.len() - pad)
        .all(|c| c.is_ascii_alphanumeric() || *c == b'+' || *c == b'/')
}

/// An absolute URI: `scheme:` followed by something, no spaces.
#[must_use]
pub fn is_valid_uri(s: &str) -> bool {
    let Some((scheme, rest)) = s.split_once(':') else {
        return false;
    };
    let sb = scheme.as_bytes();
    matches!(sb.first(), Some(c) if c.is_ascii_alphabetic())
        && sb
            .iter()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'-' | b'.'))
        && !rest.is_empty()
        && !s.chars().any(|c| c.is_whitespace() || c.is_control())
}

// ---------------------------------------------------------------------------------------------
// Building

fn child(ptr: &str, key: &str) -> String {
    format!("{ptr}/{}", escape_pointer_token(key))
}

fn idx(ptr: &str, i: usize) -> String {
    format!("{ptr}/{i}")
}

struct Builder<'e> {
    errors: &'e mut Vec<ImageError>,
}

impl Builder<'_> {
    fn error(&mut self, range: TextRange, pointer: &str, message: impl Into<String>) {
        self.errors.push(ImageError {
            range,
            pointer: pointer.to_owned(),
            message: message.into(),
            severity: Severity::Error,
        });
    }

    fn warn(&mut self, range: TextRange, pointer: &str, message: impl Into<String>) {
        self.errors.push(ImageError {
            range,
            pointer: pointer.to_owned(),
            message: message.into(),
            severity: Severity::Warning,
        });
    }

    fn missing(&mut self, obj: &JsonNode, ptr: &str, key: &str) {
        self.error(
            obj.range,
            &child(ptr, key),
            format!("missing required field \"{key}\""),
        );
    }

    fn wrong_type(&mut self, node: &JsonNode, ptr: &str, what: &str, expected: &str) {
        self.error(
            node.range,
            ptr,
            format!(
                "\"{what}\" must be {expected}, found {}",
                node.value.type_name()
            ),
        );
    }

    /// Field lookup: `None` if absent (or null and optional); reports missing required ones.
    fn field<'n>(
        &mut self,
        obj: &'n JsonNode,
        ptr: &str,
        key: &str,
        required: bool,
    ) -> Option<&'n JsonNode> {
        match obj.get(key) {
            Some(v) if v.is_null() && !required => None,
            Some(v) => Some(v),
            None => {
                if required {
                    self.missing(obj, ptr, key);
                }
                None
            }
        }
    }

    fn string(
        &mut self,
        obj: &JsonNode,
        ptr: &str,
        key: &str,
        required: bool,
    ) -> Option<Spanned<String>> {
        let v = self.field(obj, ptr, key, required)?;
        let p = child(ptr, key);
        if let Some(s) = v.as_str() {
            Some(Spanned {
                value: s.to_owned(),
                range: v.range,
                pointer: p,
            })
        } else {
            self.wrong_type(v, &p, key, "a string");
            None
        }
    }

    fn uint(
        &mut self,
        obj: &JsonNode,
        ptr: &str,
        key: &str,
        required: bool,
    ) -> Option<Spanned<u64>> {
        let v = self.field(obj, ptr, key, required)?;
        let p = child(ptr, key);
        match &v.value {
            JsonValue::Number(n) => {
                if let Some(u) = v.as_u64() {
                    Some(Spanned {
                        value: u,
                        range: v.range,
                        pointer: p,
                    })
                } else if n.raw.starts_with('-') {
                    self.error(
                        v.range,
                        &p,
                        format!("\"{key}\" must not be negative, found {}", n.raw),
                    );
                    None
                } else {
                    self.error(
                        v.range,
                        &p,
                        format!("\"{key}\" must be an integer, found {}", n.raw),
                    );
                    None
                }
            }
            _ => {
                self.wrong_type(v, &p, key, "an integer");
                None
            }
        }
    }

    fn string_array(
        &mut self,
        obj: &JsonNode,
        ptr: &str,
        key: &str,
        required: bool,
    ) -> Option<Vec<Spanned<String>>> {
        let v = self.field(obj, ptr, key, required)?;
        let p = child(ptr, key);
        let Some(items) = v.as_array() else {
            self.wrong_type(v, &p, key, "an array of strings");
            return None;
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, it) in items.iter().enumerate() {
            let ip = idx(&p, i);
            if let Some(s) = it.as_str() {
                out.push(Spanned {
                    value: s.to_owned(),
                    range: it.range,
                    pointer: ip,
                });
            } else {
                self.wrong_type(it, &ip, &format!("{key}[{i}]"), "a string");
            }
        }
        Some(out)
    }

    fn string_map(
        &mut self,
        obj: &JsonNode,
        ptr: &str,
        key: &str,
    ) -> Option<(TextRange, Annotations)> {
        let v = self.field(obj, ptr, key, false)?;
        let p = child(ptr, key);
        let Some(members) = v.as_object() else {
            self.wrong_type(v, &p, key, "an object of strings");
            return None;
        };
        let mut out = Vec::with_capacity(members.len());
        for (k, val) in members {
            let mp = child(&p, &k.name);
            if let Some(s) = val.as_str() {
                out.push((
                    k.name.clone(),
                    Spanned {
                        value: s.to_owned(),
                        range: val.range,
                        pointer: mp,
                    },
                ));
            } else {
                self.wrong_type(val, &mp, &k.name, "a string");
            }
        }
        Some((v.range, out))
    }

    fn object<'n>(
        &mut self,
        obj: &'n JsonNode,
        ptr: &str,
        key: &str,
        required: bool,
    ) -> Option<&'n JsonNode> {
        let v = self.field(obj, ptr, key, required)?;
        if v.as_object().is_some() {
            Some(v)
        } else {
            self.wrong_type(v, &child(ptr, key), key, "an object");
            None
        }
    }

    fn media_type(
        &mut self,
        obj: &JsonNode,
        ptr: &str,
        key: &str,
        required: bool,
    ) -> Option<Spanned<String>> {
        let m = self.string(obj, ptr, key, required)?;
        if !is_valid_media_type(&m.value) {
            self.error(
                m.range,
                &m.pointer,
                format!(
                    "\"{key}\" {:?} is not a valid media type (type/subtype)",
                    m.value
                ),
            );
        }
        Some(m)
    }

    fn digest(
        &mut self,
        obj: &JsonNode,
        ptr: &str,
        key: &str,
        required: bool,
    ) -> Option<Spanned<String>> {
        let d = self.string(obj, ptr, key, required)?;
        if let Err(msg) = check_digest(&d.value) {
            self.error(d.range, &d.pointer, msg);
        }
        Some(d)
    }

    fn platform(&mut self, node: &JsonNode, ptr: &str) -> Option<Platform> {
        if node.as_object().is_none() {
            self.wrong_type(node, ptr, "platform", "an object");
            return None;
        }
        let arch = self.string(node, ptr, "architecture", true);
        let os = self.string(node, ptr, "os", true);
        let variant = self.string(node, ptr, "variant", false).map(|s| s.value);
        let os_version = self.string(node, ptr, "os.version", false).map(|s| s.value);
        self.string_array(node, ptr, "os.features", false);
        self.string_array(node, ptr, "features", false);
        Some(Platform {
            architecture: arch.map(|s| s.value).unwrap_or_default(),
            os: os.map(|s| s.value).unwrap_or_default(),
            variant,
            os_version,
            range: node.range,
        })
    }

    /// A content descriptor; `node` must be an object (reported otherwise).
    fn descriptor(&mut self, node: &JsonNode, ptr: &str, what: &str) -> Option<Descriptor> {
        if node.as_object().is_none() {
            self.error(
                node.range,
                ptr,
                format!(
                    "{what} must be a descriptor object, found {}",
                    node.value.type_name()
                ),
            );
            return None;
        }
        let media_type = self.media_type(node, ptr, "mediaType", true);
        let digest = self.digest(node, ptr, "digest", true);
        let size = self.uint(node, ptr, "size", true);
        let artifact_type = self.media_type(node, ptr, "artifactType", false);
        let platform = node
            .get("platform")
            .filter(|p| !p.is_null())
            .and_then(|p| self.platform(p, &child(ptr, "platform")));
        let annotations = self
            .string_map(node, ptr, "annotations")
            .map(|(_, a)| a)
            .unwrap_or_default();
        let urls = self
            .string_array(node, ptr, "urls", false)
            .unwrap_or_default();
        for u in &urls {
            if !is_valid_uri(&u.value) {
                self.error(
                    u.range,
                    &u.pointer,
                    format!("URL {:?} is not an absolute URI", u.value),
                );
            }
        }
        if let Some(data) = self.string(node, ptr, "data", false) {
            if !is_valid_base64(&data.value) {
                self.error(
                    data.range,
                    &data.pointer,
                    "\"data\" is not valid padded base64",
                );
            }
        }
        Some(Descriptor {
            range: node.range,
            pointer: ptr.to_owned(),
            media_type,
            digest,
            size,
            artifact_type,
            platform,
            annotations,
            urls: urls.into_iter().map(|u| u.value).collect(),
        })
    }

    fn descriptors(
        &mut self,
        obj: &JsonNode,
        ptr: &str,
        key: &str,
        required: bool,
    ) -> Option<Vec<Descriptor>> {
        let v = self.field(obj, ptr, key, required)?;
        let p = child(ptr, key);
        let Some(items) = v.as_array() else {
            self.wrong_type(v, &p, key, "an array of descriptors");
            return None;
        };
        Some(
            items
                .iter()
                .enumerate()
                .filter_map(|(i, it)| self.descriptor(it, &idx(&p, i), &format!("{key}[{i}]")))
                .collect(),
        )
    }

    fn schema_version(&mut self, doc: &mut ImageDocument, root: &JsonNode, expected: i64) {
        let Some(v) = self.field(root, "", "schemaVersion", true) else {
            return;
        };
        match v.as_i64() {
            Some(n) => {
                if n != expected {
                    self.error(
                        v.range,
                        "/schemaVersion",
                        format!("schemaVersion must be {expected}, found {n}"),
                    );
                }
                doc.schema_version = Some(Spanned {
                    value: n,
                    range: v.range,
                    pointer: "/schemaVersion".to_owned(),
                });
            }
            None => self.wrong_type(v, "/schemaVersion", "schemaVersion", "an integer"),
        }
    }

    fn container_config(&mut self, node: &JsonNode, ptr: &str) -> Option<ContainerConfig> {
        if node.as_object().is_none() {
            self.wrong_type(node, ptr, "config", "an object");
            return None;
        }
        let mut c = ContainerConfig {
            range: node.range,
            pointer: ptr.to_owned(),
            ..ContainerConfig::default()
        };
        c.user = self.string(node, ptr, "User", false);
        c.env = self
            .string_array(node, ptr, "Env", false)
            .unwrap_or_default();
        for e in &c.env {
            if !matches!(e.value.find('='), Some(i) if i > 0) {
                self.error(
                    e.range,
                    &e.pointer,
                    format!("Env entry {:?} is not NAME=value", e.value),
                );
            }
        }
        for key in ["ExposedPorts", "Volumes"] {
            if let Some(o) = self.object(node, ptr, key, false) {
                if key == "ExposedPorts" {
                    let p = child(ptr, key);
                    c.exposed_ports = o
                        .as_object()
                        .unwrap_or_default()
                        .iter()
                        .map(|(k, _)| Spanned {
                            value: k.name.clone(),
                            range: k.range,
                            pointer: child(&p, &k.name),
                        })
                        .collect();
                }
            }
        }
        if let Some((r, labels)) = self.string_map(node, ptr, "Labels") {
            c.labels = labels;
            c.labels_range = Some(r);
        }
        if let Some(h) = self.object(node, ptr, "Healthcheck", false) {
            let hp = child(ptr, "Healthcheck");
            let test = self.string_array(h, &hp, "Test", false).unwrap_or_default();
            c.healthcheck = Some(Spanned {
                value: test.into_iter().map(|t| t.value).collect(),
                range: h.range,
                pointer: hp,
            });
        }
        c.cmd = self
            .string_array(node, ptr, "Cmd", false)
            .map(|v| v.into_iter().map(|s| s.value).collect());
        c.entrypoint = self
            .string_array(node, ptr, "Entrypoint", false)
            .map(|v| v.into_iter().map(|s| s.value).collect());
        c.working_dir = self.string(node, ptr, "WorkingDir", false).map(|s| s.value);
        self.string(node, ptr, "StopSignal", false);
        Some(c)
    }

    fn image_config(&mut self, node: &JsonNode, ptr: &str, strict: bool) -> ImageConfig {
        let mut ic = ImageConfig {
            range: node.range,
            pointer: ptr.to_owned(),
            ..ImageConfig::default()
        };
        ic.architecture = self.string(node, ptr, "architecture", strict);
        ic.os = self.string(node, ptr, "os", strict);
        ic.variant = self.string(node, ptr, "variant", false);
        self.string(node, ptr, "os.version", false);
        self.string_array(node, ptr, "os.features", false);
        self.string(node, ptr, "created", false);
        self.string(node, ptr, "author", false);
        if let Some(cfg) = node.get("config").filter(|c| !c.is_null()) {
            ic.config = self.container_config(cfg, &child(ptr, "config"));
        } else if let Some(cfg) = node.get("container_config").filter(|c| !c.is_null()) {
            // Legacy v1 JSON only has the build container's config; use it as a fallback.
            if node.get("rootfs").is_none() {
                ic.config = self.container_config(cfg, &child(ptr, "container_config"));
            }
        }
        if let Some(rootfs) = self.object(node, ptr, "rootfs", strict) {
            let rp = child(ptr, "rootfs");
            self.string(rootfs, &rp, "type", true);
            if let Some(ids) = self.string_array(rootfs, &rp, "diff_ids", true) {
                for d in &ids {
                    if let Err(m) = check_digest(&d.value) {
                        self.error(d.range, &d.pointer, m);
                    }
                }
                ic.diff_ids = ids;
            }
        }
        if let Some(h) = self.field(node, ptr, "history", false) {
            let hp = child(ptr, "history");
            if let Some(items) = h.as_array() {
                for (i, it) in items.iter().enumerate() {
                    let ip = idx(&hp, i);
                    if it.as_object().is_none() {
                        self.wrong_type(it, &ip, &format!("history[{i}]"), "an object");
                        continue;
                    }
                    let created_by = self.string(it, &ip, "created_by", false);
                    let empty_layer = match it.get("empty_layer") {
                        Some(b) if b.as_bool().is_some() => b.as_bool().unwrap_or(false),
                        Some(b) if b.is_null() => false,
                        Some(b) => {
                            self.wrong_type(
                                b,
                                &child(&ip, "empty_layer"),
                                "empty_layer",
                                "a boolean",
                            );
                            false
                        }
                        None => false,
                    };
                    ic.history.push(HistoryEntry {
                        index: i,
                        range: it.range,
                        pointer: ip.clone(),
                        created_by,
                        empty_layer,
                        created: self.string(it, &ip, "created", false).map(|s| s.value),
                        comment: self.string(it, &ip, "comment", false).map(|s| s.value),
                    });
                    self.string(it, &ip, "author", false);
                }
            } else {
                self.wrong_type(h, &hp, "history", "an array");
            }
        }
        ic
    }

    fn manifest(&mut self, doc: &mut ImageDocument, root: &JsonNode, ptr: &str) {
        let kind = doc.kind;
        if ptr.is_empty() {
            self.schema_version(doc, root, 2);
        }
        let mtype = self.media_type(
            root,
            ptr,
            "mediaType",
            kind == DocumentKind::DockerManifestV2,
        );
        if let Some(m) = &mtype {
            let ok = match kind {
                DocumentKind::DockerManifestV2 => m.value == mt::DOCKER_MANIFEST,
                _ => m.value == mt::OCI_MANIFEST || m.value == mt::OCI_ARTIFACT_MANIFEST,
            };
            if !ok && is_valid_media_type(&m.value) {
                self.error(
                    m.range,
                    &m.pointer,
                    format!(
                        "mediaType {:?} does not match the document, which has the shape of an {}",
                        m.value,
                        if kind == DocumentKind::DockerManifestV2 {
                            "image manifest (expected application/vnd.docker.distribution.manifest.v2+json)"
                        } else {
                            "image manifest (expected application/vnd.oci.image.manifest.v1+json)"
                        }
                    ),
                );
            }
        }
        let draft_artifact = mtype
            .as_ref()
            .is_some_and(|m| m.value == mt::OCI_ARTIFACT_MANIFEST);
        doc.media_type = mtype;
        doc.artifact_type = self.media_type(root, ptr, "artifactType", false);
        if let Some(c) = self.field(root, ptr, "config", !draft_artifact) {
            doc.config = self.descriptor(c, &child(ptr, "config"), "config");
        }
        let layers_key = if draft_artifact { "blobs" } else { "layers" };
        if let Some(layers) = self.descriptors(root, ptr, layers_key, !draft_artifact) {
            if layers.is_empty() && !draft_artifact && kind != DocumentKind::DockerManifestV2 {
                let p = child(ptr, layers_key);
                let r = root.get(layers_key).map_or(root.range, |l| l.range);
                self.error(r, &p, "\"layers\" must contain at least one descriptor");
            }
            doc.layers = layers;
            doc.list_range = root.get(layers_key).map(|l| l.range);
        }
        if let Some(s) = root.get("subject").filter(|s| !s.is_null()) {
            doc.subject = self.descriptor(s, &child(ptr, "subject"), "subject");
        }
        if let Some((_, a)) = self.string_map(root, ptr, "annotations") {
            doc.annotations = a;
        }
        self.check_layer_media_types(doc);
    }

    fn check_layer_media_types(&mut self, doc: &ImageDocument) {
        let config_mt = doc
            .config
            .as_ref()
            .map(Descriptor::media_type_str)
            .unwrap_or("");
        let is_image = mt::is_image_config(config_mt);
        if let Some(c) = &doc.config {
            if let Some(m) = &c.media_type {
                let bad = match doc.kind {
                    DocumentKind::DockerManifestV2 => m.value == mt::OCI_CONFIG,
                    DocumentKind::OciManifest => m.value == mt::DOCKER_CONFIG,
                    _ => false,
                };
                if bad {
                    self.warn(
                        m.range,
                        &m.pointer,
                        format!(
                            "config media type {:?} does not match the {} manifest",
                            m.value,
                            if doc.kind == DocumentKind::DockerManifestV2 {
                                "Docker"
                            } else {
                                "OCI"
                            }
                        ),
                    );
                }
            }
        }
        if !is_image {
            return;
        }
        for l in &doc.layers {
            let Some(m) = &l.media_type else { continue };
            if !is_valid_media_type(&m.value) {
                continue;
            }
            let (own, other) = if doc.kind == DocumentKind::DockerManifestV2 {
                (mt::DOCKER_LAYERS, mt::OCI_LAYERS)
            } else {
                (mt::OCI_LAYERS, mt::DOCKER_LAYERS)
            };
            // `+encrypted` (ocicrypt) wraps a known layer type; in-toto layers are attestations.
            let base = m.value.strip_suffix("+encrypted").unwrap_or(&m.value);
            if own.contains(&base) || base == mt::IN_TOTO {
                continue;
            }
            let msg = if other.contains(&m.value.as_str()) {
                format!(
                    "layer media type {:?} belongs to the other manifest format",
                    m.value
                )
            } else {
                format!("unknown layer media type {:?}", m.value)
            };
            self.warn(m.range, &m.pointer, msg);
        }
    }

    fn index(&mut self, doc: &mut ImageDocument, root: &JsonNode) {
        let kind = doc.kind;
        self.schema_version(doc, root, 2);
        let mtype = self.media_type(
            root,
            "",
            "mediaType",
            kind == DocumentKind::DockerManifestList,
        );
        if let Some(m) = &mtype {
            let expected = if kind == DocumentKind::DockerManifestList {
                mt::DOCKER_LIST
            } else {
                mt::OCI_INDEX
            };
            if m.value != expected && is_valid_media_type(&m.value) {
                self.error(
                    m.range,
                    &m.pointer,
                    format!("mediaType {:?} does not match the document, which has the shape of an index (expected {expected})", m.value),
                );
            }
        }
        doc.media_type = mtype;
        doc.artifact_type = self.media_type(root, "", "artifactType", false);
        if let Some(ms) = self.descriptors(root, "", "manifests", true) {
            if kind == DocumentKind::DockerManifestList {
                for m in &ms {
                    if m.platform.is_none() {
                        self.error(
                            m.range,
                            &child(&m.pointer, "platform"),
                            "manifest list entries require \"platform\"",
                        );
                    }
                }
            }
            doc.manifests = ms;
            doc.list_range = root.get("manifests").map(|l| l.range);
        }
        if let Some(s) = root.get("subject").filter(|s| !s.is_null()) {
            doc.subject = self.descriptor(s, "/subject", "subject");
        }
        if let Some((_, a)) = self.string_map(root, "", "annotations") {
            doc.annotations = a;
        }
    }

    fn inspect(&mut self, doc: &mut ImageDocument, root: &JsonNode) {
        let items: Vec<(String, &JsonNode)> = match root.as_array() {
            Some(a) => a.iter().enumerate().map(|(i, n)| (idx("", i), n)).collect(),
            None => vec![(String::new(), root)],
        };
        for (p, it) in items {
            if it.as_object().is_none() {
                self.wrong_type(it, &p, "inspect entry", "an object");
                continue;
            }
            let mut e = InspectEntry {
                range: it.range,
                pointer: p.clone(),
                ..InspectEntry::default()
            };
            e.id = self.string(it, &p, "Id", false).map(|s| s.value);
            e.repo_tags = self
                .string_array(it, &p, "RepoTags", false)
                .unwrap_or_default();
            e.repo_tags_range = it.get("RepoTags").map(|r| r.range);
            e.repo_digests = self
                .string_array(it, &p, "RepoDigests", false)
                .unwrap_or_default()
                .into_iter()
                .map(|s| s.value)
                .collect();
            e.size = self.uint(it, &p, "Size", false);
            if let Some(c) = it.get("Config").filter(|c| !c.is_null()) {
                e.config = self.container_config(c, &child(&p, "Config"));
            }
            e.architecture = self.string(it, &p, "Architecture", false).map(|s| s.value);
            e.os = self.string(it, &p, "Os", false).map(|s| s.value);
            if let Some(r) = self.object(it, &p, "RootFS", false) {
                e.rootfs_layers = self
                    .string_array(r, &child(&p, "RootFS"), "Layers", false)
                    .unwrap_or_default()
                    .into_iter()
                    .map(|s| s.value)
                    .collect();
            }
            doc.inspect.push(e);
        }
    }

    fn save(&mut self, doc: &mut ImageDocument, root: &JsonNode) {
        for (i, it) in root.as_array().unwrap_or_default().iter().enumerate() {
            let p = idx("", i);
            if it.as_object().is_none() {
                self.wrong_type(it, &p, "manifest.json entry", "an object");
                continue;
            }
            doc.save.push(SaveEntry {
                range: it.range,
                pointer: p.clone(),
                config: self.string(it, &p, "Config", true),
                repo_tags: self
                    .string_array(it, &p, "RepoTags", false)
                    .unwrap_or_default(),
                repo_tags_range: it.get("RepoTags").map(|r| r.range),
                layers: self
                    .string_array(it, &p, "Layers", true)
                    .unwrap_or_default(),
            });
        }
    }

    fn schema1(&mut self, doc: &mut ImageDocument, root: &JsonNode) {
        self.schema_version(doc, root, 1);
        doc.media_type = self.media_type(root, "", "mediaType", false);
        let mut s = Schema1 {
            name: self.string(root, "", "name", true).map(|s| s.value),
            tag: self.string(root, "", "tag", false).map(|s| s.value),
            signed: root.get("signatures").is_some(),
            ..Schema1::default()
        };
        if let Some(fs) = self.field(root, "", "fsLayers", true) {
            match fs.as_array() {
                Some(items) => {
                    for (i, it) in items.iter().enumerate() {
                        if let Some(d) = self.digest(it, &idx("/fsLayers", i), "blobSum", true) {
                            s.fs_layers.push(d);
                        }
                    }
                }
                None => self.wrong_type(fs, "/fsLayers", "fsLayers", "an array"),
            }
        }
        if let Some(h) = self.field(root, "", "history", false) {
            match h.as_array() {
                Some(items) => {
                    for (i, it) in items.iter().enumerate() {
                        if let Some(v) =
                            self.string(it, &idx("/history", i), "v1Compatibility", false)
                        {
                            s.v1_compatibility.push(v);
                        }
                    }
                }
                None => self.wrong_type(h, "/history", "history", "an array"),
            }
        }
        doc.schema1 = Some(s);
    }
}

/// Builds the typed model of `root` as a document of `kind`, appending structural errors.
#[must_use]
pub fn build(root: &JsonNode, kind: DocumentKind, errors: &mut Vec<ImageError>) -> ImageDocument {
    let mut doc = ImageDocument::empty(kind, root.range);
    let mut b = Builder { errors };
    match kind {
        DocumentKind::OciManifest
        | DocumentKind::OciArtifactManifest
        | DocumentKind::DockerManifestV2 => {
            b.manifest(&mut doc, root, "");
        }
        DocumentKind::OciIndex | DocumentKind::DockerManifestList => b.index(&mut doc, root),
        DocumentKind::DockerSchema1 | DocumentKind::DockerSchema1Signed => {
            b.schema1(&mut doc, root)
        }
        DocumentKind::ImageConfig => {
            // Docker v1 image JSON (with an `id`) predates `rootfs`; only OCI-era configs must have it.
            let strict = root.get("id").is_none();
            doc.image_config = Some(b.image_config(root, "", strict));
        }
        DocumentKind::LegacyImageJson => doc.image_config = Some(b.image_config(root, "", false)),
        DocumentKind::DockerInspectImage | DocumentKind::DockerInspectContainer => {
            b.inspect(&mut doc, root);
        }
        DocumentKind::DockerSave => b.save(&mut doc, root),
        DocumentKind::Descriptor => doc.descriptor = b.descriptor(root, "", "document"),
        DocumentKind::OciLayout => {
            doc.layout_version = b
                .string(root, "", "imageLayoutVersion", true)
                .map(|s| s.value);
        }
        DocumentKind::DockerManifestInspect => {
            let items: Vec<(String, &JsonNode)> = match root.as_array() {
                Some(a) => a.iter().enumerate().map(|(i, n)| (idx("", i), n)).collect(),
                None => vec![(String::new(), root)],
            };
            for (p, it) in items {
                if let Some(d) = it.get("Descriptor") {
                    if let Some(d) = b.descriptor(d, &child(&p, "Descriptor"), "Descriptor") {
                        doc.manifests.push(d);
                    }
                }
            }
            if let Some(first) = doc.manifests.first() {
                doc.descriptor = Some(first.clone());
            }
            let single = root.as_object().is_some();
            for key in ["SchemaV2Manifest", "OCIManifest"] {
                if let Some(m) = root.get(key).filter(|m| single && m.as_object().is_some()) {
                    let saved = doc.kind;
                    doc.kind = if key == "OCIManifest" {
                        DocumentKind::OciManifest
                    } else {
                        DocumentKind::DockerManifestV2
                    };
                    b.manifest(&mut doc, m, &child("", key));
                    doc.kind = saved;
                }
            }
        }
        DocumentKind::Unknown => {
            b.error(
                root.range,
                "",
                format!(
                    "not a recognised image document (a JSON {} without the fields of a manifest, index, config, descriptor or inspect output)",
                    root.value.type_name()
                ),
            );
        }
    }
    doc
}
