"""The one content loader: typed models of every content file, the quick words view, check-content's checks."""
