"""The old name of ``python -m mutants.serve`` (the mutants moved to the top level), kept for scripts."""

from mutants.serve import main

if __name__ == "__main__":
    main()
