"""REDHOME POS: point of sale and store operations for REDHOME, the offline stores of RED."""

__version__ = "0.1.0"
