"""Errors with a message a facilitator can read (Dutch), never a bare traceback."""


class SamenschoolError(Exception):
    """A problem the user can fix. The message is Dutch and names what is wrong."""

    exit_code = 1


class DataError(SamenschoolError):
    """A dataset file is missing or malformed: the message names file, row and column."""


class InhoudFout(SamenschoolError):
    """A notebook, exercise or data file of the kit is inconsistent (e.g. an activity that its
    notebook does not declare). A facilitator who edits content reads the message on the page;
    under tests (strict mode) it is raised so the test fails."""
