//! Detects what kind of image document a JSON value is, from its content alone.

use super::json::JsonNode;
use super::model::{DocumentKind, media_types as mt};

fn has(node: &JsonNode, key: &str) -> bool {
    node.get(key).is_some()
}

fn str_of<'a>(node: &'a JsonNode, key: &str) -> Option<&'a str> {
    node.get(key).and_then(JsonNode::as_str)
}

/// Detects the document kind. Never fails: unrecognised input is [`DocumentKind::Unknown`].
#[must_use]
pub fn detect(root: &JsonNode) -> DocumentKind {
    if let Some(items) = root.as_array() {
        return detect_array(items);
    }
    if root.as_object().is_none() {
        return DocumentKind::Unknown;
    }
    if has(root, "$schema") {
        return DocumentKind::Unknown;
    }
    if has(root, "imageLayoutVersion") {
        return DocumentKind::OciLayout;
    }
    if has(root, "Ref") && (has(root, "Descriptor") || has(root, "Raw")) {
        return DocumentKind::DockerManifestInspect;
    }
    let media_type = str_of(root, "mediaType").unwrap_or("");
    let schema_version = root.get("schemaVersion").and_then(JsonNode::as_i64);
    let is_schema1 = schema_version == Some(1)
        || media_type == mt::DOCKER_SCHEMA1
        || media_type == mt::DOCKER_SCHEMA1_SIGNED
        || (has(root, "fsLayers") && !has(root, "layers"));
    if is_schema1 {
        return if has(root, "signatures") || media_type == mt::DOCKER_SCHEMA1_SIGNED {
            DocumentKind::DockerSchema1Signed
        } else {
            DocumentKind::DockerSchema1
        };
    }
    // The declared type routes only when the shape agrees; otherwise the shape wins and the
    // model reports the mismatch on `/mediaType`.
    let index_shape = has(root, "manifests") && !has(root, "layers");
    let manifest_shape = has(root, "layers") && !has(root, "manifests");
    let media_type = match media_type {
        mt::OCI_INDEX | mt::DOCKER_LIST if manifest_shape => "",
        mt::OCI_MANIFEST | mt::DOCKER_MANIFEST | mt::OCI_ARTIFACT_MANIFEST if index_shape => "",
        m => m,
    };
    let manifest_kind = || manifest_kind(root, media_type);
    match media_type {
        mt::OCI_INDEX => return DocumentKind::OciIndex,
        mt::DOCKER_LIST => return DocumentKind::DockerManifestList,
        mt::DOCKER_MANIFEST if !is_descriptor_shape(root) => {
            return DocumentKind::DockerManifestV2;
        }
        mt::OCI_ARTIFACT_MANIFEST if !is_descriptor_shape(root) => {
            return DocumentKind::OciArtifactManifest;
        }
        mt::OCI_MANIFEST if !is_descriptor_shape(root) => return manifest_kind(),
        _ => {}
    }
    if is_descriptor_shape(root) {
        return DocumentKind::Descriptor;
    }
    if root.get("manifests").is_some() {
        let docker = root
            .get("manifests")
            .and_then(JsonNode::as_array)
            .and_then(|m| m.first())
            .and_then(|m| str_of(m, "mediaType"))
            .is_some_and(|m| m.starts_with("application/vnd.docker."));
        return if docker && !has(root, "artifactType") && !has(root, "subject") {
            DocumentKind::DockerManifestList
        } else {
            DocumentKind::OciIndex
        };
    }
    if has(root, "layers")
        || has(root, "blobs")
        || (has(root, "schemaVersion") && has(root, "config"))
    {
        return manifest_kind();
    }
    if has(root, "schemaVersion") && root.get("config").is_none() {
        return DocumentKind::Unknown;
    }
    if has(root, "rootfs")
        || (has(root, "architecture") && has(root, "os"))
        || root.get("history").and_then(JsonNode::as_array).is_some()
        || root
            .get("config")
            .is_some_and(|c| c.as_object().is_some() && !has(c, "digest"))
    {
        return if has(root, "rootfs") || has(root, "config") || !has(root, "container_config") {
            DocumentKind::ImageConfig
        } else {
            DocumentKind::LegacyImageJson
        };
    }
    if has(root, "container_config") || (has(root, "id") && has(root, "architecture")) {
        return DocumentKind::LegacyImageJson;
    }
    if let Some(k) = engine_object_kind(root) {
        return k;
    }
    DocumentKind::Unknown
}

/// A bare descriptor: two of `digest`/`size`/`mediaType`, no manifest or index fields.
fn is_descriptor_shape(root: &JsonNode) -> bool {
    (has(root, "digest") || has(root, "size"))
        && (has(root, "size") || has(root, "mediaType"))
        && !has(root, "schemaVersion")
        && !has(root, "layers")
        && !has(root, "manifests")
        && !has(root, "config")
}

fn manifest_kind(root: &JsonNode, media_type: &str) -> DocumentKind {
    let config_mt = root
        .get("config")
        .and_then(|c| str_of(c, "mediaType"))
        .unwrap_or("");
    if media_type == mt::DOCKER_MANIFEST
        || (media_type.is_empty() && config_mt == mt::DOCKER_CONFIG)
        || (media_type.is_empty() && config_mt == mt::DOCKER_PLUGIN_CONFIG)
    {
        return DocumentKind::DockerManifestV2;
    }
    // Artifacts are recognised by what they declare (`artifactType`, `subject`, the withdrawn
    // artifact media type); a custom config media type alone is still an image manifest shape.
    if media_type == mt::OCI_ARTIFACT_MANIFEST
        || has(root, "artifactType")
        || has(root, "subject")
        || has(root, "blobs")
    {
        return DocumentKind::OciArtifactManifest;
    }
    DocumentKind::OciManifest
}

/// Docker Engine API objects (`docker inspect`).
fn engine_object_kind(o: &JsonNode) -> Option<DocumentKind> {
    if has(o, "State") || has(o, "HostConfig") || (has(o, "Image") && has(o, "Mounts")) {
        return Some(DocumentKind::DockerInspectContainer);
    }
    if has(o, "RepoTags")
        || has(o, "RootFS")
        || has(o, "RepoDigests")
        || (has(o, "Id") && (has(o, "Architecture") || has(o, "ContainerConfig") || has(o, "Size")))
    {
        return Some(DocumentKind::DockerInspectImage);
    }
    None
}

fn detect_array(items: &[JsonNode]) -> DocumentKind {
    let Some(first) = items.first() else {
        return DocumentKind::Unknown;
    };
    if first.as_object().is_none() {
        return DocumentKind::Unknown;
    }
    if first.get("Config").and_then(JsonNode::as_str).is_some() && has(first, "Layers") {
        return DocumentKind::DockerSave;
    }
    if has(first, "Ref") && (has(first, "Descriptor") || has(first, "Raw")) {
        return DocumentKind::DockerManifestInspect;
    }
    engine_object_kind(first).unwrap_or(DocumentKind::Unknown)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::image::json::parse;

    fn kind(s: &str) -> DocumentKind {
        detect(&parse(s).unwrap().root)
    }

    #[test]
    fn detects_kinds() {
        use DocumentKind as K;
        let d = r#""digest":"sha256:aa","size":1"#;
        assert_eq!(
            kind(&format!(
                r#"{{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{{"mediaType":"application/vnd.oci.image.config.v1+json",{d}}},"layers":[]}}"#
            )),
            K::OciManifest
        );
        assert_eq!(
            kind(&format!(
                r#"{{"schemaVersion":2,"config":{{"mediaType":"application/vnd.oci.empty.v1+json",{d}}},"layers":[],"artifactType":"application/spdx+json"}}"#
            )),
            K::OciArtifactManifest
        );
        assert_eq!(
            kind(&format!(
                r#"{{"schemaVersion":2,"config":{{"mediaType":"application/vnd.docker.container.image.v1+json",{d}}},"layers":[]}}"#
            )),
            K::DockerManifestV2
        );
        assert_eq!(kind(r#"{"schemaVersion":2,"manifests":[]}"#), K::OciIndex);
        assert_eq!(
            kind(
                r#"{"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.list.v2+json","manifests":[]}"#
            ),
            K::DockerManifestList
        );
        assert_eq!(
            kind(r#"{"schemaVersion":1,"name":"a","fsLayers":[],"signatures":[]}"#),
            K::DockerSchema1Signed
        );
        assert_eq!(
            kind(r#"{"schemaVersion":1,"name":"a","fsLayers":[]}"#),
            K::DockerSchema1
        );
        assert_eq!(
            kind(
                r#"{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]}}"#
            ),
            K::ImageConfig
        );
        assert_eq!(
            kind(r#"{"id":"x","container_config":{},"architecture":"amd64"}"#),
            K::LegacyImageJson
        );
        assert_eq!(
            kind(r#"[{"Id":"sha256:1","RepoTags":["a:1"],"Config":{}}]"#),
            K::DockerInspectImage
        );
        assert_eq!(
            kind(r#"[{"Id":"1","State":{},"Config":{}}]"#),
            K::DockerInspectContainer
        );
        assert_eq!(
            kind(r#"[{"Config":"a.json","RepoTags":["a:1"],"Layers":["l/layer.tar"]}]"#),
            K::DockerSave
        );
        assert_eq!(
            kind(&format!(
                r#"{{"mediaType":"application/vnd.oci.image.manifest.v1+json",{d}}}"#
            )),
            K::Descriptor
        );
        assert_eq!(kind(r#"{"imageLayoutVersion":"1.0.0"}"#), K::OciLayout);
        assert_eq!(
            kind(r#"{"Ref":"a","Descriptor":{}}"#),
            K::DockerManifestInspect
        );
        assert_eq!(kind("{}"), K::Unknown);
        assert_eq!(kind("[]"), K::Unknown);
        assert_eq!(kind("3"), K::Unknown);
    }
}
