"""``python -m redhome_pos`` does what the ``redhome-pos`` command does."""

import sys

from redhome_pos.cli import main

if __name__ == "__main__":
    sys.exit(main())
