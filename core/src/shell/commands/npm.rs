//! Node package managers.
