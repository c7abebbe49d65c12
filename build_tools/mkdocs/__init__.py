"""The MkDocs (and ProperDocs) face: the plugin, which hands MkDocs' events to `build/`."""
