#!/usr/bin/env python
"""Developer shortcut: the same entry point as the `gongkai` console script."""

from gongkai.cli import main

if __name__ == "__main__":
    main()
