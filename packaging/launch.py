"""The frozen app's entry script: the same ``main`` that the ``byline`` console command runs."""

import sys

from byline.cli import main

if __name__ == "__main__":
    sys.exit(main())
