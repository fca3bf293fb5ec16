"""careercoach: a command-line career self-assessment coach."""

__version__ = "0.1.0"
