//! Image rules: checks on manifests, indexes, configs and `docker inspect` output. The logic
//! lives in [`crate::image::checks`] (one function per check); these files declare each rule
//! and its documentation.

mod img001_image_invalid_document;
mod img002_image_runs_as_root;
mod img003_image_secret_in_env;
mod img004_image_secret_in_history;
mod img005_image_exposes_ssh;
mod img006_image_no_healthcheck;
mod img007_image_missing_oci_labels;
mod img008_image_size_budget;
mod img009_image_large_layer;
mod img010_image_layer_count;
mod img011_image_single_platform;
mod img012_image_no_attestations;
mod img013_image_schema1_deprecated;
mod img014_image_non_distributable_layers;
mod img015_image_latest_tag;

pub use img001_image_invalid_document::InvalidImageDocument;
pub use img002_image_runs_as_root::RunsAsRoot;
pub use img003_image_secret_in_env::SecretInEnv;
pub use img004_image_secret_in_history::SecretInHistory;
pub use img005_image_exposes_ssh::ExposesSsh;
pub use img006_image_no_healthcheck::NoHealthcheck;
pub use img007_image_missing_oci_labels::MissingOciLabels;
pub use img008_image_size_budget::SizeBudget;
pub use img009_image_large_layer::LargeLayer;
pub use img010_image_layer_count::LayerCount;
pub use img011_image_single_platform::SinglePlatform;
pub use img012_image_no_attestations::NoAttestations;
pub use img013_image_schema1_deprecated::Schema1Deprecated;
pub use img014_image_non_distributable_layers::NonDistributableLayers;
pub use img015_image_latest_tag::LatestTag;

use super::Rule;

pub(crate) const RULES: &[&dyn Rule] = &[
    &InvalidImageDocument,
    &RunsAsRoot,
    &SecretInEnv,
    &SecretInHistory,
    &ExposesSsh,
    &NoHealthcheck,
    &MissingOciLabels,
    &SizeBudget,
    &LargeLayer,
    &LayerCount,
    &SinglePlatform,
    &NoAttestations,
    &Schema1Deprecated,
    &NonDistributableLayers,
    &LatestTag,
];
