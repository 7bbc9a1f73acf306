"""Errors with a message a facilitator can read (Dutch), never a bare traceback."""


class SamenschoolError(Exception):
    """A problem the user can fix. The message is Dutch and names what is wrong."""

    exit_code = 1


class DataError(SamenschoolError):
    """A dataset file is missing or malformed: the message names file, row and column."""
