"""Entity linking: one node per real-world entity across documents."""
