"""The flows that combine storage and ui: the interactive assessment, assessing from a file."""
