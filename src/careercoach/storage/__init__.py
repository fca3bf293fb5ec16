"""What reads or writes files: the SQLite store, banks and the YAML reader, answers."""
