"""The Textual layer: the app, its screens, widgets and styles; the only package that imports textual."""
