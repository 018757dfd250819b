"""`python -m generator.cli`: the same as the `sdpa` command."""

from generator.cli import main

main()
