"""The screens of the counter app (one module each)."""
