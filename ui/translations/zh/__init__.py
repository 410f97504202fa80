"""Chinese translations, one module per area of the UI; each defines ``ZH``."""
