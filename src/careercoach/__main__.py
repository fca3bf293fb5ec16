"""Allow ``python -m careercoach``."""

from careercoach.cli import main

if __name__ == "__main__":
    main()
