"""Subcommands of ``redhome-pos``; each module exposes ``register(subparsers)``.

Modules here are part of the composition root: they may import every layer. Heavy imports
(Qt, the printers, the online-store connector) happen inside the command's ``run`` function so
that ``redhome-pos --help`` and the quick commands start fast.
"""
