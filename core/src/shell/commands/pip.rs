//! Python package installers.
