"""Configuration (placeholder until the foundation's config module lands)."""
