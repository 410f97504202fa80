"""The back-office screens: online orders and parcels, stock counts, settings."""
