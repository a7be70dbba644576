"""Lets `python -m kabar` run the same command line as the installed `kabar` script."""

from kabar.cli import main

main()
