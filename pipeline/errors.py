"""Errors that the command line reports as one clear line, never a traceback."""


class DanvanError(Exception):
    """A problem with the user's input or setup, reported to the user as is."""


class InputError(DanvanError):
    """The input cannot be read as what it claims to be (empty, binary, undecodable ...)."""


class UntrustedModelError(DanvanError):
    """A saved model holds types we do not trust; it is not loaded."""
